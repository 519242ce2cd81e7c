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
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * The passwords of the issuer's demo accounts on this machine: each from the environment
 * ({@code <ACCOUNT>_PASSWORD}) when set, otherwise made at random on the first start and kept with the stack's
 * data (readable by its owner only), so they stay the same from one start to the next.
 */
final class DemoAccounts {

	static final List<String> NAMES = List.of("librarian", "auditor", "ada", "alan");

	static final String FILE = "accounts.properties";

	private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private DemoAccounts() {
	}

	/** Each account's password, in the order of {@link #NAMES}. */
	static Map<String, String> passwords(Path directory, UnaryOperator<String> environment) throws IOException {
		Path file = directory.resolve(FILE);
		Properties kept = new Properties();
		if (Files.isRegularFile(file)) {
			try (Reader reader = Files.newBufferedReader(file)) {
				kept.load(reader);
			}
		}
		Map<String, String> passwords = new LinkedHashMap<>();
		boolean changed = false;
		for (String name : NAMES) {
			String given = environment.apply(variable(name));
			if (given != null && !given.isBlank()) {
				passwords.put(name, given);
				continue;
			}
			if (kept.getProperty(name) == null) {
				kept.setProperty(name, random());
				changed = true;
			}
			passwords.put(name, kept.getProperty(name));
		}
		if (changed) {
			Files.createDirectories(directory);
			try (Writer writer = Files.newBufferedWriter(file)) {
				kept.store(writer, "The local stack's demo accounts; delete this file for new passwords");
			}
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system: the user's profile directory protects it
			}
		}
		return passwords;
	}

	/** {@code ada} is {@code ADA_PASSWORD}: the variable the issuer reads too. */
	static String variable(String name) {
		return name.toUpperCase(Locale.ROOT) + "_PASSWORD";
	}

	private static String random() {
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

}
