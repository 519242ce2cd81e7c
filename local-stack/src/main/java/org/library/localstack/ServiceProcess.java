package org.library.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service running as its own JVM, logging to its own file. Public for the system
 * tests' fault suite, which kills and restarts instances the way the stack starts them.
 */
public final class ServiceProcess {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final ServiceSpec spec;

	private final int port;

	private final Path log;

	private final Process process;

	private final JarLaunch launch;

	private ServiceProcess(ServiceSpec spec, int port, Path log, Process process, JarLaunch launch) {
		this.spec = spec;
		this.port = port;
		this.log = log;
		this.process = process;
		this.launch = launch;
	}

	/**
	 * Starts one instance of a service, logging to {@code <data>/logs/<instance>.log},
	 * its pid kept in {@code <data>/run/<instance>.pid} until it stops. It follows this
	 * process: if this one dies, it stops too.
	 */
	public static ServiceProcess start(ServiceSpec spec, String instance, Path jar, int port,
			Map<String, String> environment, Path dataDirectory) throws IOException {
		Path logs = dataDirectory.resolve("logs");
		Files.createDirectories(logs);
		Path log = logs.resolve(instance + ".log");
		JarLaunch launch = JarLaunch.of(jar, instance);
		ProcessBuilder builder = new ProcessBuilder(launch.command(JarLaunch.java())).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.environment().putAll(environment);
		builder.environment().put(spec.portVariable(), Integer.toString(port));
		builder.environment().put("LIBRARY_LAUNCHER_PID", Long.toString(ProcessHandle.current().pid()));
		Process process = builder.start();
		Path pidFile = Leftovers.pidFile(dataDirectory, instance);
		Files.createDirectories(pidFile.getParent());
		Files.writeString(pidFile, process.pid() + "\n" + launch.jar() + "\n");
		process.onExit().thenRun(() -> {
			try {
				Files.deleteIfExists(pidFile);
			}
			catch (IOException ex) {
				// a stale pid file is checked against the process before it is trusted
			}
		});
		return new ServiceProcess(spec, port, log, process, launch);
	}

	/**
	 * Waits until the service reports itself ready.
	 * @return false if it died or did not become ready in time
	 */
	public boolean awaitReady(Duration timeout) throws InterruptedException {
		Instant deadline = Instant.now().plus(timeout);
		HttpRequest readiness = HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(2))
			.build();
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				return false;
			}
			try {
				if (HTTP.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return true;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		return false;
	}

	public void stop() {
		process.destroy();
		try {
			if (process.waitFor(launch.stopGrace().toMillis(), TimeUnit.MILLISECONDS)) {
				launch.trained();
			}
			else {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	/** What {@code kill -9} does: no shutdown hooks, no graceful stop. */
	public void kill() {
		process.destroyForcibly();
		try {
			process.waitFor(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	int port() {
		return port;
	}

	boolean isAlive() {
		return process.isAlive();
	}

	String url() {
		return "http://localhost:" + port;
	}

	public ServiceSpec spec() {
		return spec;
	}

	Path log() {
		return log;
	}

	public List<String> lastLogLines(int count) {
		try {
			List<String> lines = Files.readAllLines(log);
			return lines.subList(Math.max(0, lines.size() - count), lines.size());
		}
		catch (IOException ex) {
			return List.of("(no log: " + ex.getMessage() + ")");
		}
	}

}
