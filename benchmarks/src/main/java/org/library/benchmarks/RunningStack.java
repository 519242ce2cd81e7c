package org.library.benchmarks;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.library.infrastructure.KafkaCredentials;

import static org.library.testsupport.FreePorts.freePort;

/**
 * The local stack started the way a user starts it
 * ({@code java -jar local-stack/target/local-stack.jar}), on free ports and empty data,
 * with {@code readers} more reader accounts at its issuer for the reading-list work.
 */
final class RunningStack implements AutoCloseable {

	/**
	 * The stack's processes, each with the variable that sets its port: what starts one
	 * alone needs.
	 */
	static final Map<String, String> SERVICES = new LinkedHashMap<>();

	static {
		SERVICES.put("identity", "IDENTITY_PORT");
		SERVICES.put("book-catalog-service", "BOOK_CATALOG_PORT");
		SERVICES.put("book-inventory-service", "BOOK_INVENTORY_PORT");
		SERVICES.put("reading-list-service", "READING_LIST_PORT");
		SERVICES.put("audit-service", "AUDIT_PORT");
		SERVICES.put("library-web", "LIBRARY_WEB_PORT");
	}

	static final String READER_PASSWORD = "benchmark-reader-password";

	private final Path root;

	private final Path data;

	private final Process process;

	private final Map<String, Integer> ports;

	private final Duration startup;

	private final Duration firstStartup;

	private final Properties passwords = new Properties();

	private final Properties kafkaPasswords = new Properties();

	private RunningStack(Path root, Path data, Process process, Map<String, Integer> ports, Duration firstStartup,
			Duration startup) throws IOException {
		this.root = root;
		this.data = data;
		this.process = process;
		this.ports = ports;
		this.firstStartup = firstStartup;
		this.startup = startup;
		try (Reader reader = Files.newBufferedReader(data.resolve("identity").resolve("accounts.properties"))) {
			passwords.load(reader);
		}
		try (Reader reader = Files.newBufferedReader(data.resolve("kafka-credentials.properties"))) {
			kafkaPasswords.load(reader);
		}
	}

	/**
	 * A Kafka client signed in as {@code principal}, with the password the stack made for
	 * it.
	 */
	Map<String, Object> kafkaClient(String principal) {
		return KafkaCredentials.client(kafka(), principal, kafkaPasswords.getProperty(principal));
	}

	static RunningStack start(Path root, int readers) throws IOException, InterruptedException {
		Path data = root.resolve("benchmarks/target/stack-data");
		deleteRecursively(data);
		Files.createDirectories(data);
		Map<String, Integer> ports = new LinkedHashMap<>();
		ports.put("postgres", freePort());
		ports.put("kafka", freePort());
		for (String service : SERVICES.keySet()) {
			ports.put(service, freePort());
		}
		List<String> command = new ArrayList<>(List.of(java(), "-jar",
				root.resolve("local-stack/target/local-stack.jar").toString(), "--root=" + root, "--data-dir=" + data,
				"--postgres-port=" + ports.get("postgres"), "--kafka-port=" + ports.get("kafka")));
		for (String service : SERVICES.keySet()) {
			String option = service.replace("-service", "").replace("library-", "");
			command.add("--" + option + "-port=" + ports.get(service));
		}
		// the first start makes what later ones reuse (the extracted jars' archives,
		// written as the services stop); a
		// user starts the stack many times, so the next start counts too. Both without
		// the benchmark's readers: the
		// issuer hashes every account's password as it starts
		long started = System.nanoTime();
		Process first = launch(command, 0, data.resolveSibling("stack-first.log"));
		Duration firstStartup = Duration.ofNanos(System.nanoTime() - started);
		stop(first);
		started = System.nanoTime();
		Process next = launch(command, 0, data.resolveSibling("stack-next.log"));
		Duration nextStartup = Duration.ofNanos(System.nanoTime() - started);
		stop(next);
		Process process = launch(command, readers, data.resolveSibling("stack.log"));
		return new RunningStack(root, data, process, ports, firstStartup, nextStartup);
	}

	private static void stop(Process stack) throws InterruptedException {
		stack.destroy();
		if (!stack.waitFor(3, TimeUnit.MINUTES)) {
			stack.destroyForcibly().waitFor();
		}
	}

	private static Process launch(List<String> command, int readers, Path log)
			throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		// the issuer reads its accounts from the environment the stack passes on
		for (int reader = 1; reader <= readers; reader++) {
			builder.environment()
				.put("LIBRARY_IDENTITY_ACCOUNTS_" + readerName(reader).toUpperCase(Locale.ROOT) + "_PASSWORD",
						READER_PASSWORD);
			builder.environment()
				.put("LIBRARY_IDENTITY_ACCOUNTS_" + readerName(reader).toUpperCase(Locale.ROOT) + "_ROLES", "reader");
		}
		long started = System.nanoTime();
		Process process = builder.start();
		while (!Files.readString(log).contains("The library is up.")) {
			if (!process.isAlive()) {
				throw new IllegalStateException("the local stack did not start:\n" + Files.readString(log));
			}
			if (System.nanoTime() - started > TimeUnit.MINUTES.toNanos(5)) {
				process.destroy();
				throw new IllegalStateException(
						"the local stack did not start in 5 minutes:\n" + Files.readString(log));
			}
			Thread.sleep(50);
		}
		return process;
	}

	static String readerName(int reader) {
		return "reader%02d".formatted(reader);
	}

	/**
	 * From {@code java -jar} to "The library is up", on the data and archives of an
	 * earlier start.
	 */
	Duration startup() {
		return startup;
	}

	/** The same, on empty data, with nothing made by an earlier start. */
	Duration firstStartup() {
		return firstStartup;
	}

	String url(String service) {
		return "http://localhost:" + ports.get(service);
	}

	/** The working copy the stack was built in. */
	Path root() {
		return root;
	}

	String issuer() {
		return url("identity");
	}

	String password(String account) {
		return passwords.getProperty(account);
	}

	String kafka() {
		return "localhost:" + ports.get("kafka");
	}

	String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + ports.get("postgres") + "/library";
	}

	/**
	 * A connection as one of the provisioned roles; locally each role's password is its
	 * name.
	 */
	Connection connect(String role) throws SQLException {
		return DriverManager.getConnection(jdbcUrl(), role, role);
	}

	/** A connection as the superuser, for the raw runs' own schema. */
	Connection connectAsSuperuser() throws SQLException {
		return DriverManager.getConnection(jdbcUrl(), "postgres",
				Optional.ofNullable(System.getenv("POSTGRES_PASSWORD")).orElse("postgres"));
	}

	/** Each service's process, found among the stack's children by its jar. */
	Map<String, ProcessHandle> serviceProcesses() {
		Map<String, ProcessHandle> found = new LinkedHashMap<>();
		List<ProcessHandle> children = process.toHandle().descendants().toList();
		for (String service : SERVICES.keySet()) {
			children.stream()
				.filter(child -> child.info().commandLine().orElse("").contains(service + ".jar"))
				.findFirst()
				.ifPresent(child -> found.put(service, child));
		}
		return found;
	}

	/**
	 * The CPU time each part of the stack has used so far, in milliseconds, from
	 * {@code /proc}: each service, the launcher (whose JVM runs the Kafka broker), every
	 * Postgres process, and this load generator.
	 */
	Map<String, Long> cpuMillis() {
		Map<String, Long> used = new LinkedHashMap<>();
		serviceProcesses().forEach((service, handle) -> used.put(service, cpuMillis(handle.pid())));
		used.put("Kafka (the launcher's JVM)", cpuMillis(process.pid()));
		used.put("Postgres", ProcessHandle.allProcesses()
			.filter(handle -> handle.info().command().map(command -> command.endsWith("/postgres")).orElse(false))
			.mapToLong(handle -> cpuMillis(handle.pid()))
			.sum());
		used.put("load generator", cpuMillis(ProcessHandle.current().pid()));
		return used;
	}

	static long cpuMillis(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			// the fields after the command, which is in parentheses and may hold spaces:
			// utime and stime are 14 and 15
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1000 / CLOCK_TICKS;
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	/**
	 * Linux counts CPU time in ticks of 1/100 s ({@code getconf CLK_TCK}) on every common
	 * platform.
	 */
	private static final long CLOCK_TICKS = 100;

	/**
	 * The resident set of a process, from {@code /proc}: what it takes of the machine's
	 * memory.
	 */
	static Optional<Long> residentBytes(ProcessHandle process) {
		return kilobytes(process, "status", "VmRSS:");
	}

	/** A size {@code /proc/<pid>/<file>} gives in kB on the line that starts so. */
	private static Optional<Long> kilobytes(ProcessHandle process, String file, String field) {
		Path path = Path.of("/proc", Long.toString(process.pid()), file);
		try {
			return Files.readAllLines(path)
				.stream()
				.filter(line -> line.startsWith(field))
				.map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024)
				.findFirst();
		}
		catch (IOException ex) {
			// a process that ended meanwhile
			return Optional.empty();
		}
	}

	/**
	 * The whole stack's memory: the launcher (which runs Kafka), Postgres and every
	 * service, as the proportional set size, so the pages Postgres' processes share, and
	 * the JDK's files the JVMs share, are counted once.
	 */
	long proportionalBytes() {
		// Postgres leaves the launcher's process tree when pg_ctl starts it
		Stream<ProcessHandle> postgres = postmaster().stream()
			.flatMap(postmaster -> Stream.concat(Stream.of(postmaster), postmaster.descendants()));
		return Stream.concat(Stream.concat(Stream.of(process.toHandle()), process.toHandle().descendants()), postgres)
			.distinct()
			.mapToLong(RunningStack::proportionalBytes)
			.sum();
	}

	private Optional<ProcessHandle> postmaster() {
		try {
			return ProcessHandle
				.of(Long.parseLong(Files.readAllLines(data.resolve("postgres/postmaster.pid")).getFirst().strip()));
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	private static long proportionalBytes(ProcessHandle process) {
		return kilobytes(process, "smaps_rollup", "Pss:").orElse(0L);
	}

	/**
	 * Starts one more instance of a service next to the running stack, with what the
	 * stack gives it, and measures how long until it is ready; then stops it.
	 * @return the time from {@code java -jar} to ready, and the time Spring reports for
	 * the application itself
	 */
	Startup startAlone(String service) throws IOException, InterruptedException {
		int port = freePort();
		Path log = data.resolveSibling(service + "-alone.log");
		// as the local stack starts it: the jar it extracted, with the archive its
		// instance wrote (an AOT cache on
		// JDK 25 and newer, a class-data-sharing archive before), only read here
		Path extracted = root.resolve(service).resolve("target").resolve(service + "-jvm");
		List<String> command = new ArrayList<>(List.of(java()));
		if (Files.isRegularFile(extracted.resolve(service + ".jar"))) {
			Path cache = extracted.resolve(service + ".aot");
			command.addAll(Files.isRegularFile(cache) ? List.of("-XX:AOTCache=" + cache, "-Xlog:aot=off")
					: List.of("-XX:SharedArchiveFile=" + extracted.resolve(service + ".jsa"), "-Xlog:cds+dynamic=off"));
			command.addAll(List.of("-Xlog:cds=off", "-jar", extracted.resolve(service + ".jar").toString()));
		}
		else {
			command
				.addAll(List.of("-jar", root.resolve(service).resolve("target").resolve(service + ".jar").toString()));
		}
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		Map<String, String> environment = builder.environment();
		environment.put("LIBRARY_DB_URL", jdbcUrl());
		environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka());
		environment.put("LIBRARY_ISSUER_URI", issuer());
		environment.put("LIBRARY_LAUNCHER_PID", Long.toString(ProcessHandle.current().pid()));
		environment.put(SERVICES.get(service), Integer.toString(port));
		environment.put("KAFKA_USERNAME", service);
		environment.put("KAFKA_PASSWORD", kafkaPasswords.getProperty(service, service));
		if (service.equals("identity")) {
			for (String account : passwords.stringPropertyNames()) {
				environment.put(account.toUpperCase(Locale.ROOT) + "_PASSWORD", passwords.getProperty(account));
			}
			environment.put("LIBRARY_IDENTITY_KEY_DIRECTORY", data.resolveSibling("identity-alone").toString());
		}
		if (service.equals("library-web")) {
			SERVICES.forEach((name, variable) -> environment.put(variable.replace("_PORT", "_URL"), url(name)));
		}
		HttpRequest readiness = HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(2))
			.build();
		long started = System.nanoTime();
		Process alone = builder.start();
		try (HttpClient http = HttpClient.newHttpClient()) {
			while (alone.isAlive() && System.nanoTime() - started < TimeUnit.MINUTES.toNanos(3)) {
				try {
					if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
						Duration ready = Duration.ofNanos(System.nanoTime() - started);
						return new Startup(ready,
								Files.readAllLines(log)
									.stream()
									.filter(line -> line.matches(".*Started \\w+ in [0-9.]+ seconds.*"))
									.map(line -> line.replaceAll(".*Started \\w+ in ([0-9.]+) seconds.*", "$1"))
									.map(seconds -> Duration.ofMillis((long) (Double.parseDouble(seconds) * 1000)))
									.findFirst()
									.orElse(null));
					}
				}
				catch (IOException notYet) {
					// not listening yet
				}
				Thread.sleep(20);
			}
			throw new IllegalStateException(service + " did not start alone; see " + log);
		}
		finally {
			alone.destroy();
			if (!alone.waitFor(60, TimeUnit.SECONDS)) {
				alone.destroyForcibly().waitFor();
			}
		}
	}

	record Startup(Duration ready, Duration reportedBySpring) {
	}

	@Override
	public void close() throws InterruptedException {
		process.destroy();
		if (!process.waitFor(2, TimeUnit.MINUTES)) {
			process.destroyForcibly().waitFor();
		}
	}

	private static String java() {
		return ProcessHandle.current().info().command().orElse("java");
	}

	private static void deleteRecursively(Path path) throws IOException {
		if (Files.exists(path)) {
			try (var files = Files.walk(path)) {
				files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
			}
		}
	}

}
