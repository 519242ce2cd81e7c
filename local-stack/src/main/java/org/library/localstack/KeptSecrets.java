package org.library.localstack;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * Secrets of the stack on this machine (passwords, client secrets): each from the
 * environment when its variable is set, otherwise made at random on the first start and
 * kept in a file with the stack's data, readable by its owner only, so they stay the same
 * from one start to the next. Nothing published works against a fresh stack.
 *
 * @param file where they are kept
 * @param names what they are for, in order
 * @param variable the environment variable that sets each
 * @param comment the first line of the file
 */
record KeptSecrets(Path file, List<String> names, UnaryOperator<String> variable, String comment) {

	private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	/** Each secret, in the order of {@link #names()}. */
	Map<String, String> load(UnaryOperator<String> environment) throws IOException {
		Properties kept = new Properties();
		if (Files.isRegularFile(file)) {
			try (Reader reader = Files.newBufferedReader(file)) {
				kept.load(reader);
			}
		}
		Map<String, String> secrets = new LinkedHashMap<>();
		boolean changed = false;
		for (String name : names) {
			String given = environment.apply(variable.apply(name));
			if (given != null && !given.isBlank()) {
				secrets.put(name, given);
				continue;
			}
			if (kept.getProperty(name) == null) {
				kept.setProperty(name, random());
				changed = true;
			}
			secrets.put(name, kept.getProperty(name));
		}
		if (changed) {
			Files.createDirectories(file.getParent());
			ownerOnly();
			try (Writer writer = Files.newBufferedWriter(file)) {
				kept.store(writer, comment);
			}
		}
		return secrets;
	}

	/** The file is the owner's alone before anything is written to it. */
	private void ownerOnly() throws IOException {
		try {
			if (!Files.exists(file)) {
				Files.createFile(file,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system: the user's profile directory protects it
		}
	}

	private static String random() {
		SecureRandom random = new SecureRandom();
		StringBuilder secret = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			secret.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return secret.toString();
	}

}
