package org.library.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.library.testsupport.FreePorts.freePort;

/**
 * The local stack as a user starts it: {@code java -jar local-stack.jar}, its own
 * process, its output in a log.
 */
record Stack(Process process, Path log) {

	static Stack start(Path jar, List<String> arguments, Path log) throws IOException {
		Files.createDirectories(log.getParent());
		List<String> command = new ArrayList<>(
				List.of(ProcessHandle.current().info().command().orElse("java"), "-jar", jar.toString()));
		command.addAll(arguments);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		return new Stack(process, log);
	}

	void awaitOutput(String text) {
		await().atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofMillis(500))
			.failFast("the local stack exited:\n" + log, () -> !process.isAlive())
			.until(() -> output().contains(text));
	}

	String output() throws IOException {
		return Files.readString(log);
	}

	/** What {@code kill -9} does: nothing of the stack's own runs. */
	void kill() throws InterruptedException {
		process.destroyForcibly().waitFor();
	}

	/**
	 * What Ctrl-C does: the JVM's shutdown hooks run. The first stop after a build takes
	 * longer: each service writes the archive its next start uses (JarLaunch).
	 */
	void stop() throws InterruptedException {
		process.destroy();
		if (!process.waitFor(180, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor();
		}
	}

	int exitCode() {
		return process.exitValue();
	}

	/** Removes what an earlier run left, so a test starts on empty data. */
	static void deleteRecursively(Path path) throws IOException {
		if (Files.exists(path)) {
			try (var files = Files.walk(path)) {
				files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
			}
		}
	}

}
