package org.library.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * The key every token is signed with, kept in a file
 * ({@code library.identity.key-directory}) so that a restart signs with the same key and
 * a token stays valid as long as it claims. Made once, on the first start, readable by
 * its owner only. Without a directory the key lives as long as the process (tests).
 */
final class SigningKeys {

	static final String FILE = "signing-key.json";

	private SigningKeys() {
	}

	static JWKSet load(Path directory) {
		if (directory == null) {
			return new JWKSet(generate());
		}
		Path file = directory.resolve(FILE);
		try {
			if (Files.isRegularFile(file)) {
				return new JWKSet(RSAKey.parse(Files.readString(file)));
			}
			RSAKey key = generate();
			Files.createDirectories(directory);
			Files.writeString(file, key.toJSONString(), StandardOpenOption.CREATE_NEW);
			restrict(file);
			return new JWKSet(key);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The signing key in " + file + " could not be kept: " + ex.getMessage(), ex);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("The signing key in " + file + " is not a JSON Web Key: " + ex.getMessage()
					+ "; remove it to make a new one (tokens signed with it become invalid)", ex);
		}
	}

	private static RSAKey generate() {
		try {
			return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void restrict(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system (Windows): the user's profile directory protects it
		}
	}

}
