package org.library.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the numbers were measured on. */
final class Machine {

	private Machine() {
	}

	static String describe() {
		String cpu = line("/proc/cpuinfo", "model name").replaceAll(".*:\\s*", "");
		String memory = line("/proc/meminfo", "MemTotal").replaceAll("[^0-9]", "");
		return "%d cores (%s), %s GB memory, %s %s, Java %s".formatted(Runtime.getRuntime().availableProcessors(),
				cpu.isBlank() ? "unknown CPU" : cpu,
				memory.isBlank() ? "?" : "%.1f".formatted(Long.parseLong(memory) / 1024.0 / 1024.0),
				System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"));
	}

	private static String line(String file, String prefix) {
		try {
			return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(prefix)).findFirst().orElse("");
		}
		catch (IOException ex) {
			return "";
		}
	}

}
