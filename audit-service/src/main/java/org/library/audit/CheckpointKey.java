package org.library.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

import org.library.verifier.SignedNote;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Ed25519 key the audit service signs checkpoints with, kept outside the database: in
 * a directory of its own ({@code library.audit.checkpoint-key-directory}), made on the
 * first start, the private key readable by its owner alone. Beside it is the verifier key
 * an auditor needs, {@code checkpoint-key.pub}. Without a directory every start makes a
 * new key, which suits tests only: checkpoints signed before a restart no longer open.
 */
final class CheckpointKey {

	private static final Logger log = LoggerFactory.getLogger(CheckpointKey.class);

	static final String PRIVATE = "checkpoint-key.pkcs8";

	static final String PUBLIC = "checkpoint-key.pub";

	private final PrivateKey privateKey;

	private final SignedNote.VerifierKey verifierKey;

	private CheckpointKey(PrivateKey privateKey, SignedNote.VerifierKey verifierKey) {
		this.privateKey = privateKey;
		this.verifierKey = verifierKey;
	}

	static CheckpointKey load(String origin, Path directory) {
		try {
			if (directory == null) {
				log.warn("library.audit.checkpoint-key-directory is not set: checkpoints are signed with a key "
						+ "made for this run only");
				KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
				return new CheckpointKey(pair.getPrivate(), SignedNote.VerifierKey.of(origin, pair.getPublic()));
			}
			Path privateFile = directory.resolve(PRIVATE);
			Path publicFile = directory.resolve(PUBLIC);
			if (!Files.exists(privateFile)) {
				Files.createDirectories(directory);
				KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
				Files.writeString(privateFile, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
				ownerOnly(privateFile);
				Files.writeString(publicFile, SignedNote.VerifierKey.of(origin, pair.getPublic()) + "\n");
			}
			PrivateKey privateKey = KeyFactory.getInstance("Ed25519")
				.generatePrivate(new PKCS8EncodedKeySpec(
						Base64.getDecoder().decode(Files.readString(privateFile, StandardCharsets.US_ASCII).strip())));
			SignedNote.VerifierKey verifierKey = SignedNote.VerifierKey.parse(Files.readString(publicFile));
			if (!verifierKey.name().equals(origin)) {
				throw new IllegalStateException(publicFile + " names the log " + verifierKey.name() + ", not " + origin
						+ " (library.audit.origin)");
			}
			return new CheckpointKey(privateKey, verifierKey);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not keep the checkpoint key in " + directory, ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("the JDK has no Ed25519", ex);
		}
	}

	private static void ownerOnly(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system (Windows): the directory's own permissions protect
			// it
		}
	}

	String sign(String text) {
		return SignedNote.sign(text, privateKey, verifierKey);
	}

	SignedNote.VerifierKey verifierKey() {
		return verifierKey;
	}

}
