package org.library.verifier;

import java.util.Base64;

/**
 * A checkpoint of the log, the C2SP {@code tlog-checkpoint} body: the log's origin, its
 * size and its root hash, one per line. Signed as a {@link SignedNote}, it is the log's
 * word that its first {@code size} entries are exactly those with this root.
 */
public record Checkpoint(String origin, long size, byte[] root) {

	public Checkpoint {
		if (origin.isEmpty() || origin.contains("\n")) {
			throw new IllegalArgumentException("an origin is one line of text");
		}
		if (size < 0 || root.length != Merkle.HASH_SIZE) {
			throw new IllegalArgumentException("a checkpoint has a size and a 32-byte root");
		}
	}

	/** The note's text: {@code <origin>\n<size>\n<base64 root>\n}. */
	public String body() {
		return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\n";
	}

	/** Reads a checkpoint's text, ignoring any extension lines after the root. */
	public static Checkpoint parse(String body) {
		String[] lines = body.split("\n", -1);
		if (lines.length < 4 || !lines[lines.length - 1].isEmpty()) {
			throw new IllegalArgumentException("a checkpoint is an origin, a size and a root, one per line");
		}
		long size;
		try {
			size = Long.parseLong(lines[1]);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("a checkpoint's size is a number: " + lines[1]);
		}
		if (!lines[1].equals(Long.toString(size))) {
			throw new IllegalArgumentException("a checkpoint's size is written plainly: " + lines[1]);
		}
		return new Checkpoint(lines[0], size, Base64.getDecoder().decode(lines[2]));
	}

}
