package org.library.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * What a run of the stack that did not stop cleanly (killed, crashed, power cut) left
 * running on its data directory, found through the pid files it keeps and Postgres' own
 * {@code postmaster.pid}, and stopped before a new run starts on the same data. A pid is
 * only trusted when the process behind it is still the one named: the service's jar, or a
 * postgres.
 */
final class Leftovers {

	static final String RUN_DIRECTORY = "run";

	private static final Duration GRACE = Duration.ofSeconds(30);

	private Leftovers() {
	}

	/** The file where a service instance's pid and jar are kept while it runs. */
	static Path pidFile(Path dataDirectory, String instance) {
		return dataDirectory.resolve(RUN_DIRECTORY).resolve(instance + ".pid");
	}

	/**
	 * Stops what is left, services first, then Postgres.
	 * @return a line for each process stopped
	 */
	static List<String> stop(Path dataDirectory) throws IOException {
		List<String> stopped = new ArrayList<>();
		Path run = dataDirectory.resolve(RUN_DIRECTORY);
		if (Files.isDirectory(run)) {
			List<Path> pidFiles;
			try (Stream<Path> files = Files.list(run)) {
				pidFiles = files.filter(file -> file.toString().endsWith(".pid")).toList();
			}
			List<CompletableFuture<String>> services = new ArrayList<>();
			for (Path pidFile : pidFiles) {
				List<String> lines = Files.readAllLines(pidFile);
				Files.delete(pidFile);
				if (lines.size() < 2) {
					continue;
				}
				String name = pidFile.getFileName().toString().replace(".pid", "");
				running(lines.get(0), lines.get(1))
					.ifPresent(process -> services.add(CompletableFuture.supplyAsync(() -> stop(process, name))));
			}
			services.forEach(service -> stopped.add(service.join()));
		}
		Path postmaster = dataDirectory.resolve("postgres").resolve("postmaster.pid");
		if (Files.isRegularFile(postmaster)) {
			List<String> lines = Files.readAllLines(postmaster);
			if (!lines.isEmpty()) {
				running(lines.get(0), "postgres").ifPresent(process -> stopped.add(stop(process, "Postgres")));
			}
		}
		return stopped;
	}

	private static Optional<ProcessHandle> running(String pid, String commandPart) {
		try {
			return ProcessHandle.of(Long.parseLong(pid.strip()))
				.filter(ProcessHandle::isAlive)
				.filter(process -> process.info()
					.commandLine()
					.or(() -> process.info().command())
					.map(command -> command.contains(commandPart))
					.orElse(false));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/**
	 * SIGTERM (a graceful stop for a service, a smart shutdown for Postgres), and SIGKILL
	 * if that takes too long.
	 */
	private static String stop(ProcessHandle process, String name) {
		process.destroy();
		try {
			process.onExit().get(GRACE.toSeconds(), TimeUnit.SECONDS);
		}
		catch (TimeoutException ex) {
			process.destroyForcibly();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException ex) {
			// it is gone either way
		}
		return name + " (pid " + process.pid() + ")";
	}

}
