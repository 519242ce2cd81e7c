package org.library.localstack;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

/**
 * One run of the stack per data directory at a time: a lock on {@code run/stack.lock},
 * taken before anything else touches the directory and held until the run ends. The
 * operating system lets it go however the run ends, so a run killed outright holds it no
 * longer, and what it left is then truly left over ({@link Leftovers}); while a run holds
 * it, its processes are its own and a second start must leave them alone.
 */
final class DataLock {

	/** Open for as long as the run: closing it, or collecting it, would let go. */
	private final FileChannel channel;

	private DataLock(FileChannel channel) {
		this.channel = channel;
	}

	/**
	 * @return the lock, held until this JVM ends; empty if another run holds it
	 */
	static Optional<DataLock> take(Path dataDirectory) throws IOException {
		Path run = dataDirectory.resolve(Leftovers.RUN_DIRECTORY);
		Files.createDirectories(run);
		FileChannel channel = FileChannel.open(run.resolve("stack.lock"), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE);
		FileLock lock;
		try {
			lock = channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			lock = null;
		}
		if (lock == null) {
			channel.close();
			return Optional.empty();
		}
		// beside the lock, not in it: a locked file cannot be read everywhere
		Files.writeString(holderFile(dataDirectory),
				ProcessHandle.current().pid() + " " + Instant.now().toString().replaceAll("\\.\\d+", ""));
		return Optional.of(new DataLock(channel));
	}

	/** Who holds the lock, as the running stack wrote it: its pid and when it started. */
	static String holder(Path dataDirectory) {
		try {
			String[] holder = Files.readString(holderFile(dataDirectory)).strip().split(" ", 2);
			return "pid " + holder[0] + (holder.length > 1 ? ", started " + holder[1] : "");
		}
		catch (IOException ex) {
			return "pid unknown";
		}
	}

	private static Path holderFile(Path dataDirectory) {
		return dataDirectory.resolve(Leftovers.RUN_DIRECTORY).resolve("stack.holder");
	}

}
