package org.library.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How a service's jar is started quickly: extracted once (Spring Boot's
 * {@code jarmode=tools extract}) next to the jar, in {@code target/<service>-jvm/}, and
 * run from there with an archive of what the JVM did the last time it started it. On JDK
 * 25 and newer that is an AOT cache ({@code -XX:AOTCacheOutput}, then
 * {@code -XX:AOTCache}): classes loaded and linked, and the profiles of the methods that
 * ran; on JDK 21 to 24 a class-data-sharing archive
 * ({@code -XX:+AutoCreateSharedArchive}). The first run writes it as it stops, which
 * makes that stop take several seconds longer ({@link #training()}); every later start
 * maps it instead of loading, verifying and profiling everything again. A rebuilt jar is
 * extracted again and its archive made anew. An AOT cache counts only once the run that
 * wrote it ended in time ({@link #trained()}), and only for the JDK that wrote it: one
 * left empty or cut short by a stop that did not wait (a killed stack, a power cut), or
 * written by another JDK, is made again by the next run rather than ignored by every run
 * after. When extracting fails the jar is started as it is.
 *
 * @param aotCache the AOT cache this run maps or writes; null without one
 * @param training whether this run writes the archive when it stops
 */
record JarLaunch(Path jar, List<String> jvmOptions, Path aotCache, boolean training) {

	/**
	 * The first JDK with AOT caches written in one run (JEP 514) and method profiles in
	 * them (JEP 515).
	 */
	private static final int AOT_CACHE_JDK = 25;

	/**
	 * The JVM options and jar for an instance of {@code jar}, extracting it first if it
	 * changed since the last start. Each instance has an archive of its own: two
	 * instances of one service never write the same file as they stop.
	 */
	static JarLaunch of(Path jar, String instance) {
		Path directory = jar.resolveSibling(jar.getFileName().toString().replace(".jar", "") + "-jvm");
		Path extracted = directory.resolve(jar.getFileName());
		try {
			String source = jar.toAbsolutePath() + " " + Files.size(jar) + " "
					+ Files.getLastModifiedTime(jar).toMillis();
			Path stamp = directory.resolve("extracted-from.txt");
			if (!Files.isRegularFile(extracted) || !Files.isRegularFile(stamp)
					|| !Files.readString(stamp).equals(source)) {
				extract(jar, directory);
				Files.writeString(stamp, source);
			}
		}
		catch (IOException | RuntimeException ex) {
			return new JarLaunch(jar, List.of(), null, false);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new JarLaunch(jar, List.of(), null, false);
		}
		if (Runtime.version().feature() >= AOT_CACHE_JDK) {
			return withAotCache(extracted, directory.resolve(instance + ".aot"));
		}
		// the JVM checks a class-data archive itself, and makes it again when it does not
		// fit
		Path archive = directory.resolve(instance + ".jsa");
		return new JarLaunch(extracted, List.of("-XX:SharedArchiveFile=" + archive, "-XX:+AutoCreateSharedArchive",
				"-Xlog:cds=off", "-Xlog:cds+dynamic=off"), null, !Files.isRegularFile(archive));
	}

	/**
	 * Maps {@code cache} when a run of this JDK finished writing it; otherwise throws
	 * away what is there and writes it anew.
	 */
	static JarLaunch withAotCache(Path jar, Path cache) {
		boolean training = !finished(cache);
		if (training) {
			try {
				Files.deleteIfExists(cache);
				Files.deleteIfExists(finishedMark(cache));
			}
			catch (IOException ex) {
				// the JVM writes over it, or starts without a cache
			}
		}
		return new JarLaunch(jar,
				List.of((training ? "-XX:AOTCacheOutput=" : "-XX:AOTCache=") + cache, "-Xlog:aot=off", "-Xlog:cds=off"),
				cache, training);
	}

	/**
	 * Called once this run's JVM has ended on its own: a cache it wrote, and did not
	 * leave empty, is marked finished for this JDK.
	 */
	void trained() {
		if (!training || aotCache == null) {
			return;
		}
		try {
			if (Files.size(aotCache) > 0) {
				Files.writeString(finishedMark(aotCache), signature(aotCache));
			}
		}
		catch (IOException ex) {
			// not marked: the next run writes it again
		}
	}

	private static boolean finished(Path cache) {
		try {
			return Files.size(cache) > 0 && Files.readString(finishedMark(cache)).equals(signature(cache));
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** Which JDK wrote the cache, and how long the cache was when it was done. */
	private static String signature(Path cache) throws IOException {
		return Runtime.version() + " " + Files.size(cache);
	}

	private static Path finishedMark(Path cache) {
		return cache.resolveSibling(cache.getFileName() + ".finished");
	}

	/** How long a graceful stop may take: longer while the JVM writes its archive. */
	Duration stopGrace() {
		return training ? Duration.ofSeconds(120) : Duration.ofSeconds(30);
	}

	/**
	 * Each service's memory on a laptop that runs eight JVMs, Postgres and Kafka: a heap
	 * of at most 192 MB, which none of them comes near under the benchmark's load, given
	 * back after a collection (free at most 30 %), by the serial collector, which on two
	 * cores and heaps this small costs the least memory and CPU (no concurrent threads,
	 * no regions). Left to itself the JVM sizes a heap for a quarter of the machine's
	 * memory and keeps what it grew to. {@code LIBRARY_JVM_MEMORY_OPTIONS} replaces them.
	 */
	static final String MEMORY_OPTIONS = "-XX:+UseSerialGC -XX:MaxHeapSize=192m -XX:MinHeapFreeRatio=10 "
			+ "-XX:MaxHeapFreeRatio=30";

	static List<String> memoryOptions(String configured) {
		String options = configured == null || configured.isBlank() ? MEMORY_OPTIONS : configured;
		return List.of(options.strip().split("\\s+"));
	}

	List<String> command(String java) {
		List<String> command = new ArrayList<>();
		command.add(java);
		command.addAll(memoryOptions(System.getenv("LIBRARY_JVM_MEMORY_OPTIONS")));
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
