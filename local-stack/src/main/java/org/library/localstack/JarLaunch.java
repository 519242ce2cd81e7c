package org.library.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How a service's jar is started quickly: extracted once (Spring Boot's {@code jarmode=tools extract}) next to the
 * jar, in {@code target/<service>-jvm/}, and run from there with a class-data-sharing archive of the classes it
 * loads. The JVM writes that archive when the first run stops ({@code -XX:+AutoCreateSharedArchive}, JDK 19 and
 * newer) and maps it at every later start instead of loading and verifying each class again. A rebuilt jar is
 * extracted again and its archive made anew; a JDK the archive does not fit ignores it. When extracting fails the
 * jar is started as it is.
 */
record JarLaunch(Path jar, List<String> jvmOptions) {

	/**
	 * The JVM options and jar for an instance of {@code jar}, extracting it first if it changed since the last start.
	 * Each instance has an archive of its own: two instances of one service never write the same file as they stop.
	 */
	static JarLaunch of(Path jar, String instance) {
		Path directory = jar.resolveSibling(jar.getFileName().toString().replace(".jar", "") + "-jvm");
		Path extracted = directory.resolve(jar.getFileName());
		try {
			String source = jar.toAbsolutePath() + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
			Path stamp = directory.resolve("extracted-from.txt");
			if (!Files.isRegularFile(extracted) || !Files.isRegularFile(stamp) || !Files.readString(stamp).equals(source)) {
				extract(jar, directory);
				Files.writeString(stamp, source);
			}
		}
		catch (IOException | RuntimeException ex) {
			return new JarLaunch(jar, List.of());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new JarLaunch(jar, List.of());
		}
		return new JarLaunch(extracted, List.of("-XX:SharedArchiveFile=" + directory.resolve(instance + ".jsa"),
				"-XX:+AutoCreateSharedArchive", "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
	}

	List<String> command(String java) {
		List<String> command = new ArrayList<>();
		command.add(java);
		command.addAll(jvmOptions);
		command.add("-jar");
		command.add(jar.toString());
		return command;
	}

	private static void extract(Path jar, Path directory) throws IOException, InterruptedException {
		if (Files.exists(directory)) {
			try (var files = Files.walk(directory)) {
				files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
			}
		}
		Files.createDirectories(directory);
		Process extract = new ProcessBuilder(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract",
				"--destination", directory.toString())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		if (!extract.waitFor(2, TimeUnit.MINUTES) || extract.exitValue() != 0) {
			extract.destroyForcibly();
			throw new IOException("could not extract " + jar);
		}
	}

	static String java() {
		return ProcessHandle.current().info().command().orElse("java");
	}

}
