package org.library.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.library.testsupport.FreePorts.freePort;

/**
 * {@link PlainSpringBoot} running next to the stack: its own JVM, on the benchmark's
 * classpath, with the memory and collector options the stack gave its catalog, on the
 * stack's Postgres as the superuser (its writes go to the raw copies, its reads to the
 * catalog's table).
 */
final class PlainRun implements AutoCloseable {

	static final String NAME = "plain Spring Boot";

	private final Process process;

	private final String url;

	private final RunningStack stack;

	private PlainRun(Process process, String url, RunningStack stack) {
		this.process = process;
		this.url = url;
		this.stack = stack;
	}

	static PlainRun start(RunningStack stack) throws IOException, InterruptedException {
		int port = freePort();
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.addAll(memoryOptions(stack));
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), PlainSpringBoot.class.getName(),
				"--server.port=" + port, "--spring.datasource.url=" + stack.jdbcUrl() + "?currentSchema=book_catalog",
				"--spring.datasource.username=postgres", "--spring.datasource.password="
						+ Optional.ofNullable(System.getenv("POSTGRES_PASSWORD")).orElse("postgres")));
		Path log = stack.root().resolve("benchmarks/target/plain-spring-boot.log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		String url = "http://localhost:" + port;
		HttpRequest probe = HttpRequest.newBuilder(URI.create(url + "/api/books/" + new UUID(0, 0)))
			.timeout(Duration.ofSeconds(2))
			.build();
		long started = System.nanoTime();
		try (HttpClient http = HttpClient.newHttpClient()) {
			while (process.isAlive() && System.nanoTime() - started < TimeUnit.MINUTES.toNanos(2)) {
				try {
					if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 404) {
						return new PlainRun(process, url, stack);
					}
				}
				catch (IOException notYet) {
					// not listening yet
				}
				Thread.sleep(50);
			}
		}
		process.destroyForcibly().waitFor();
		throw new IllegalStateException("the plain Spring Boot app did not start:\n" + Files.readString(log));
	}

	/**
	 * The catalog's own {@code -XX:} options but its archive's: the same heap and
	 * collector, so neither side gains by its JVM settings.
	 */
	private static List<String> memoryOptions(RunningStack stack) {
		ProcessHandle catalog = stack.serviceProcesses().get("book-catalog-service");
		if (catalog == null) {
			return List.of();
		}
		return catalog.info()
			.arguments()
			.stream()
			.flatMap(Arrays::stream)
			.filter(option -> option.startsWith("-XX:") && !option.contains("AOT") && !option.contains("Archive"))
			.toList();
	}

	String url() {
		return url;
	}

	/** The CPU the plain app's work used: its JVM, Postgres, and the load generator. */
	Map<String, Long> cpuMillis() {
		Map<String, Long> stackCpu = stack.cpuMillis();
		Map<String, Long> used = new LinkedHashMap<>();
		used.put(NAME, RunningStack.cpuMillis(process.pid()));
		used.put("Postgres", stackCpu.get("Postgres"));
		used.put("load generator", stackCpu.get("load generator"));
		return used;
	}

	Optional<Long> residentBytes() {
		return RunningStack.residentBytes(process.toHandle());
	}

	@Override
	public void close() throws InterruptedException {
		process.destroy();
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor();
		}
	}

}
