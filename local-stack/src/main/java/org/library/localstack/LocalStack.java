package org.library.localstack;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

import org.library.infrastructure.KafkaCredentials;
import org.library.infrastructure.KafkaOwnership;
import org.library.infrastructure.LibraryInfrastructure;

/**
 * The whole suite with one command: {@code java -jar local-stack/target/local-stack.jar}.
 *
 * <p>
 * Starts Postgres and Kafka in this JVM, with data kept under {@code .local-stack/} so a
 * restart keeps the library's books, runs the provisioning script, then starts every
 * service jar as its own process with its own database roles. Ctrl-C stops the services,
 * then Kafka, then Postgres.
 */
public final class LocalStack {

	private final Options options;

	private final List<ServiceProcess> services = new ArrayList<>();

	private LibraryInfrastructure infrastructure;

	private Map<String, String> accounts = Map.of();

	private Map<String, String> kafkaPasswords = Map.of();

	/** Where the stack's own jar is, in the working copy. */
	public static final String JAR = "local-stack/target/local-stack.jar";

	/** The read-only principal for outside consumers. */
	public static final String READER = "library-reader";

	/** Where the Kafka principals' passwords are kept, in the data directory. */
	public static final String KAFKA_CREDENTIALS = "kafka-credentials.properties";

	/** Where the issuer's machine clients' secrets are kept, in the data directory. */
	public static final String CLIENT_SECRETS = ServiceSpec.IDENTITY.name() + "/" + DemoAccounts.CLIENTS_FILE;

	private final CountDownLatch stopped = new CountDownLatch(1);

	/** This run's hold on its data directory, until the JVM ends. */
	private static DataLock dataLock;

	private LocalStack(Options options) {
		this.options = options;
	}

	public static void main(String[] args) {
		Options options;
		try {
			options = Options.parse(args, defaultRoot());
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.println();
			System.err.print(Options.usage());
			System.exit(2);
			return;
		}
		if (options.help()) {
			System.out.print(Options.usage());
			return;
		}
		List<String> problems = new ArrayList<>(missingJars(options));
		if (problems.isEmpty()) {
			problems.addAll(lockData(options));
		}
		if (problems.isEmpty()) {
			problems.addAll(stopLeftovers(options));
		}
		problems.addAll(takenPorts(options));
		if (!problems.isEmpty()) {
			problems.forEach(System.err::println);
			System.exit(1);
			return;
		}
		System.exit(new LocalStack(options).run());
	}

	private int run() {
		Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "local-stack-shutdown"));
		try {
			// extracting the service jars (the first start after a build) overlaps with
			// Postgres and Kafka starting
			List<CompletableFuture<JarLaunch>> launches = ServiceSpec.processes()
				.stream()
				.map(spec -> CompletableFuture.supplyAsync(() -> JarLaunch.of(spec.jar(options.root()), spec.name())))
				.toList();
			System.out.println("Starting Postgres on port " + options.postgresPort() + " and Kafka on port "
					+ options.kafkaPort() + " (data in " + options.dataDirectory() + ")");
			// every Kafka principal of the ownership table signs in with a password made
			// on this machine
			kafkaPasswords = new KeptSecrets(options.dataDirectory().resolve(KAFKA_CREDENTIALS),
					KafkaOwnership.load().principals(), KafkaCredentials::variable,
					"The local stack's Kafka principals (SASL/SCRAM-SHA-512); delete this file for new passwords")
				.load(System::getenv);
			Map<String, String> secrets = new LinkedHashMap<>();
			kafkaPasswords
				.forEach((principal, password) -> secrets.put(KafkaCredentials.variable(principal), password));
			// durable: the library's data is kept, so Postgres syncs its commits and
			// checks every password
			infrastructure = LibraryInfrastructure.start(new LibraryInfrastructure.Settings(options.postgresPort(),
					options.kafkaPort(), options.dataDirectory(), true,
					name -> secrets.containsKey(name) ? secrets.get(name) : System.getenv(name)));
			Map<String, String> environment = new LinkedHashMap<>();
			// nobody on the network reaches the stack's HTTP ports unless --bind-address
			// says so
			environment.put("SERVER_ADDRESS", options.bindAddress());
			environment.put("LIBRARY_DB_URL", infrastructure.jdbcUrl());
			environment.put("KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers());
			// the services check every token against the issuer started here, whatever
			// its port
			environment.put("LIBRARY_ISSUER_URI", issuer());
			// where audit-service keeps the key that signs its checkpoints (the others
			// ignore it)
			environment.put("LIBRARY_AUDIT_CHECKPOINT_KEY_DIRECTORY",
					options.dataDirectory().resolve("audit").toString());
			Path identityData = options.dataDirectory().resolve(ServiceSpec.IDENTITY.name());
			accounts = DemoAccounts.passwords(identityData, System::getenv);
			Map<String, String> clientSecrets = DemoAccounts.clientSecrets(identityData, System::getenv);
			Map<String, String> identity = new LinkedHashMap<>(environment);
			clientSecrets.forEach((client, secret) -> identity.put(DemoAccounts.clientVariable(client), secret));
			// each service's API console signs in from its own origin
			identity.put("LIBRARY_API_CONSOLE_REDIRECT_URIS",
					ServiceSpec.SERVICES.stream()
						.map(spec -> "http://localhost:" + options.servicePorts().get(spec)
								+ "/swagger-ui/oauth2-redirect.html")
						.collect(Collectors.joining(",")));
			identity.put("LIBRARY_IDENTITY_KEY_DIRECTORY", identityData.toString());
			identity.put("LIBRARY_WEB_URI", web());
			// the web app relays the signed-in person's token to the services on this
			// stack's ports
			Map<String, String> webApp = new LinkedHashMap<>(environment);
			ServiceSpec.SERVICES.forEach(spec -> webApp.put(spec.urlVariable(), url(spec)));
			webApp.put(DemoAccounts.clientVariable("web"), clientSecrets.get("web"));
			accounts.forEach((name, password) -> identity.put(DemoAccounts.variable(name), password));
			launches.forEach(CompletableFuture::join);
			for (ServiceSpec spec : ServiceSpec.processes()) {
				System.out.println("Starting " + spec.name() + " on port " + options.servicePorts().get(spec));
				services.add(ServiceProcess.start(spec, spec.name(), spec.jar(options.root()),
						options.servicePorts().get(spec),
						spec == ServiceSpec.IDENTITY ? identity
								: spec == ServiceSpec.WEB ? webApp : signedIn(environment, spec),
						options.dataDirectory()));
			}
			for (ServiceProcess service : services) {
				if (!service.awaitReady(Duration.ofMinutes(3))) {
					System.err.println(service.spec().name() + " did not start; the end of " + service.log() + ":");
					service.lastLogLines(30).forEach(line -> System.err.println("  " + line));
					return 1;
				}
			}
			printSummary();
			stopped.await();
			return 0;
		}
		catch (IOException | RuntimeException ex) {
			System.err.println("The local stack could not start: " + ex.getMessage());
			return 1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 0;
		}
	}

	/**
	 * A service's environment with its own Kafka principal and password: the table grants
	 * it its topics.
	 */
	private Map<String, String> signedIn(Map<String, String> environment, ServiceSpec spec) {
		Map<String, String> service = new LinkedHashMap<>(environment);
		service.put("KAFKA_USERNAME", spec.name());
		service.put("KAFKA_PASSWORD", kafkaPasswords.get(spec.name()));
		return service;
	}

	private String url(ServiceSpec spec) {
		return "http://localhost:" + options.servicePorts().get(spec);
	}

	private String web() {
		return url(ServiceSpec.WEB);
	}

	private String issuer() {
		return "http://localhost:" + options.servicePorts().get(ServiceSpec.IDENTITY);
	}

	private void printSummary() {
		StringBuilder summary = new StringBuilder("%nThe library is up. Open %s in a browser.%n%n".formatted(web()));
		summary.append("  %-24s %s%n".formatted("Postgres", infrastructure.jdbcUrl()));
		summary.append("  %-24s %s%n".formatted("Kafka", infrastructure.kafkaBootstrapServers()));
		for (ServiceProcess service : services) {
			if (service.spec() == ServiceSpec.WEB) {
				summary.append("  %-24s %s  (the web app, log %s)%n".formatted(service.spec().name(), web(),
						options.root().relativize(service.log())));
				continue;
			}
			if (service.spec() == ServiceSpec.IDENTITY) {
				summary.append("  %-24s %s  (OpenID Connect issuer, log %s)%n".formatted(service.spec().name(),
						issuer(), options.root().relativize(service.log())));
				continue;
			}
			summary.append("  %-24s %s/api  (API console %s/swagger-ui.html, log %s)%n".formatted(service.spec().name(),
					service.url(), service.url(), options.root().relativize(service.log())));
		}
		summary.append("%nDemo accounts (passwords kept in %s):%n".formatted(options.root()
			.relativize(options.dataDirectory().resolve(ServiceSpec.IDENTITY.name()).resolve(DemoAccounts.FILE))));
		accounts.forEach((name, password) -> summary.append("  %-24s %s%n".formatted(name, password)));
		summary
			.append("%nKafka for outside consumers: principal %s, password %s (SASL/SCRAM-SHA-512; the others in %s),"
				.formatted(READER, kafkaPasswords.get(READER),
						options.root().relativize(options.dataDirectory().resolve(KAFKA_CREDENTIALS))));
		summary.append(
				"%n  e.g. (kcat with librdkafka 2.6.1+) kcat -C -b %s -X security.protocol=SASL_PLAINTEXT -X sasl.mechanism=SCRAM-SHA-512 \\%n"
					.formatted(infrastructure.kafkaBootstrapServers()));
		summary.append("       -X sasl.username=%s -X sasl.password=%s -G %s.me library.catalog.books%n"
			.formatted(READER, kafkaPasswords.get(READER), READER));
		summary.append("%nPress Ctrl-C to stop.%n".formatted());
		System.out.print(summary);
		System.out.flush();
	}

	private synchronized void stop() {
		if (stopped.getCount() == 0) {
			return;
		}
		System.out.println("Stopping the library...");
		// services first, so they finish their work while Postgres and Kafka are still
		// there
		services.parallelStream().forEach(ServiceProcess::stop);
		if (infrastructure != null) {
			try {
				infrastructure.close();
			}
			catch (RuntimeException ex) {
				System.err.println("Stopping Postgres and Kafka: " + ex.getMessage());
			}
		}
		System.out.println("Stopped.");
		stopped.countDown();
	}

	/**
	 * Takes the data directory for this run, unless a running stack has it: then nothing
	 * on it is touched, and the one problem is said.
	 */
	private static List<String> lockData(Options options) {
		try {
			Optional<DataLock> lock = DataLock.take(options.dataDirectory());
			if (lock.isPresent()) {
				dataLock = lock.get();
				return List.of();
			}
			return List.of("The local stack is already running on " + options.dataDirectory() + " ("
					+ DataLock.holder(options.dataDirectory()) + "). Stop it first (Ctrl-C where it runs), "
					+ "or start this one on data of its own: --data-dir=DIR and other ports (--help).");
		}
		catch (IOException ex) {
			return List.of("Could not lock " + options.dataDirectory() + " for this run: " + ex.getMessage());
		}
	}

	/**
	 * A run killed before it could stop its services and Postgres left them running: stop
	 * them first.
	 */
	private static List<String> stopLeftovers(Options options) {
		try {
			List<String> stopped = Leftovers.stop(options.dataDirectory());
			if (!stopped.isEmpty()) {
				System.out.println("An earlier run on " + options.dataDirectory()
						+ " did not stop cleanly; stopped what " + "it left running: " + String.join(", ", stopped));
			}
			return List.of();
		}
		catch (IOException ex) {
			return List.of("Could not check " + options.dataDirectory() + " for what an earlier run left running: "
					+ ex.getMessage());
		}
	}

	private static List<String> missingJars(Options options) {
		List<String> problems = new ArrayList<>();
		for (ServiceSpec spec : ServiceSpec.processes()) {
			Path jar = spec.jar(options.root());
			if (!Files.isRegularFile(jar)) {
				problems.add(jar + " is missing: build the suite first with ./mvnw package -DskipTests"
						+ " (or point --root at the working copy)");
			}
		}
		return problems;
	}

	private static List<String> takenPorts(Options options) {
		Map<String, Integer> ports = new LinkedHashMap<>();
		ports.put("Postgres (--postgres-port)", options.postgresPort());
		ports.put("Kafka (--kafka-port)", options.kafkaPort());
		options.servicePorts().forEach((spec, port) -> ports.put(spec.name() + " (--" + spec.option() + ")", port));
		List<String> problems = new ArrayList<>();
		ports.forEach((what, port) -> {
			if (!isFree(port)) {
				problems.add("Port " + port + " for " + what + " is already in use. Stop whatever listens there "
						+ "or choose another port with the option shown.");
			}
		});
		return problems;
	}

	private static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress("localhost", port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * The working copy: started as
	 * {@code java -jar <root>/local-stack/target/local-stack.jar}, the class path is that
	 * one jar. Otherwise (an IDE, say) the current directory.
	 */
	private static Path defaultRoot() {
		String classPath = System.getProperty("java.class.path", "");
		if (classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator)) {
			Path jar = Path.of(classPath).toAbsolutePath();
			if (jar.getNameCount() >= 3) {
				return jar.getParent().getParent().getParent();
			}
		}
		return Path.of("").toAbsolutePath();
	}

}
