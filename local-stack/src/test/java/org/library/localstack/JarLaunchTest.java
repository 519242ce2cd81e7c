package org.library.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the stack maps a service's AOT cache, and when it writes it again. A run cut short
 * left an empty cache behind, which every later start then ran without.
 */
class JarLaunchTest {

	@TempDir
	Path directory;

	@Test
	void aServiceWithoutACacheWritesOneAsItStops() {
		JarLaunch launch = JarLaunch.withAotCache(jar(), cache());

		assertThat(launch.training()).isTrue();
		assertThat(launch.jvmOptions()).contains("-XX:AOTCacheOutput=" + cache());
	}

	@Test
	void aCacheWhoseRunEndedInTimeIsMappedByTheNextStart() throws IOException {
		JarLaunch training = JarLaunch.withAotCache(jar(), cache());
		Files.write(cache(), new byte[] { 1, 2, 3 });
		training.trained();

		JarLaunch next = JarLaunch.withAotCache(jar(), cache());

		assertThat(next.training()).isFalse();
		assertThat(next.jvmOptions()).contains("-XX:AOTCache=" + cache());
		assertThat(Files.size(cache())).isEqualTo(3);
	}

	@Test
	void anEmptyCacheLeftByAStopThatDidNotWaitIsWrittenAgain() throws IOException {
		JarLaunch training = JarLaunch.withAotCache(jar(), cache());
		Files.write(cache(), new byte[0]);
		training.trained();

		JarLaunch next = JarLaunch.withAotCache(jar(), cache());

		assertThat(next.training()).isTrue();
		assertThat(next.jvmOptions()).contains("-XX:AOTCacheOutput=" + cache());
		assertThat(cache()).doesNotExist();
	}

	@Test
	void aCacheNoRunFinishedIsWrittenAgainEvenWhenItIsNotEmpty() throws IOException {
		// the launcher killed while the JVM was writing: a part of a cache, never marked
		JarLaunch.withAotCache(jar(), cache());
		Files.write(cache(), new byte[] { 1, 2, 3 });

		assertThat(JarLaunch.withAotCache(jar(), cache()).training()).isTrue();
	}

	@Test
	void aCacheChangedSinceItWasFinishedOrWrittenByAnotherJdkIsWrittenAgain() throws IOException {
		JarLaunch training = JarLaunch.withAotCache(jar(), cache());
		Files.write(cache(), new byte[] { 1, 2, 3 });
		training.trained();
		Files.write(cache(), new byte[] { 1, 2, 3, 4 });
		assertThat(JarLaunch.withAotCache(jar(), cache()).training()).as("changed").isTrue();

		training = JarLaunch.withAotCache(jar(), cache());
		Files.write(cache(), new byte[] { 1, 2, 3 });
		training.trained();
		Path mark = cache().resolveSibling("service.aot.finished");
		Files.writeString(mark, Files.readString(mark).replace(Runtime.version().toString(), "24.0.1+9"));
		assertThat(JarLaunch.withAotCache(jar(), cache()).training()).as("another JDK").isTrue();
	}

	@Test
	void everyServiceRunsOnABoundedHeapUnlessTheOperatorSaysOtherwise() {
		JarLaunch launch = JarLaunch.withAotCache(jar(), cache());

		assertThat(launch.command("java")).startsWith("java", "-XX:+UseSerialGC", "-XX:MaxHeapSize=192m")
			.endsWith("-jar", jar().toString());
		assertThat(JarLaunch.memoryOptions(" -Xmx1g  -XX:+UseG1GC ")).containsExactly("-Xmx1g", "-XX:+UseG1GC");
		assertThat(JarLaunch.memoryOptions("")).contains("-XX:MaxHeapSize=192m");
	}

	private Path jar() {
		return directory.resolve("service.jar");
	}

	private Path cache() {
		return directory.resolve("service.aot");
	}

}
