package org.library.verifier;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The C2SP signed-note format, with Ed25519 from the JDK: a text ending in a newline, a
 * blank line, and one line per signature, {@code — <key name> <base64(key id ||
 * signature)>}. The key id is the first four bytes of
 * {@code SHA-256(name || 0x0A || 0x01 || public key)}, so a signature names the key that
 * made it.
 */
public final class SignedNote {

	private static final String DASH = "\u2014 ";

	private static final byte ED25519 = 0x01;

	/**
	 * The DER of an Ed25519 SubjectPublicKeyInfo, up to the 32 bytes of the key itself.
	 */
	private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

	private SignedNote() {
	}

	/**
	 * A verifier key: what a note's signer publishes,
	 * {@code <name>+<hex key id>+<base64(0x01
	 * || public key)>}.
	 */
	public record VerifierKey(String name, byte[] publicKey) {

		public VerifierKey {
			if (name.isEmpty() || name.contains("+") || name.chars().anyMatch(Character::isWhitespace)) {
				throw new IllegalArgumentException("a key name is text without spaces or '+': " + name);
			}
			if (publicKey.length != 32) {
				throw new IllegalArgumentException("an Ed25519 public key is 32 bytes");
			}
		}

		/** Reads {@code <name>+<hex key id>+<base64(0x01 || public key)>}. */
		public static VerifierKey parse(String text) {
			String[] parts = text.strip().split("\\+", 3);
			if (parts.length != 3) {
				throw new IllegalArgumentException("a verifier key is <name>+<key id>+<key>: " + text);
			}
			byte[] typed = Base64.getDecoder().decode(parts[2]);
			if (typed.length != 33 || typed[0] != ED25519) {
				throw new IllegalArgumentException("not an Ed25519 verifier key: " + text);
			}
			VerifierKey key = new VerifierKey(parts[0], Arrays.copyOfRange(typed, 1, 33));
			if (!Arrays.equals(HexFormat.of().parseHex(parts[1]), key.id())) {
				throw new IllegalArgumentException("the key id does not match the key: " + text);
			}
			return key;
		}

		/** The key of an Ed25519 {@code PublicKey} from the JDK. */
		public static VerifierKey of(String name, PublicKey key) {
			byte[] encoded = key.getEncoded();
			return new VerifierKey(name, Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length));
		}

		public byte[] id() {
			MessageDigest sha = Merkle.sha256();
			sha.update(name.getBytes(StandardCharsets.UTF_8));
			sha.update((byte) '\n');
			sha.update(ED25519);
			sha.update(publicKey);
			return Arrays.copyOf(sha.digest(), 4);
		}

		@Override
		public String toString() {
			byte[] typed = new byte[33];
			typed[0] = ED25519;
			System.arraycopy(publicKey, 0, typed, 1, 32);
			return name + "+" + HexFormat.of().formatHex(id()) + "+" + Base64.getEncoder().encodeToString(typed);
		}

		PublicKey publicKeyForJdk() throws GeneralSecurityException {
			byte[] encoded = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + 32);
			System.arraycopy(publicKey, 0, encoded, X509_PREFIX.length, 32);
			return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
		}

	}

	/** {@code text} signed by {@code key}, whose verifier key is {@code signer}. */
	public static String sign(String text, PrivateKey key, VerifierKey signer) {
		requireText(text);
		try {
			Signature ed25519 = Signature.getInstance("Ed25519");
			ed25519.initSign(key);
			ed25519.update(text.getBytes(StandardCharsets.UTF_8));
			byte[] signature = ed25519.sign();
			byte[] line = new byte[4 + signature.length];
			System.arraycopy(signer.id(), 0, line, 0, 4);
			System.arraycopy(signature, 0, line, 4, signature.length);
			return text + "\n" + DASH + signer.name() + " " + Base64.getEncoder().encodeToString(line) + "\n";
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("could not sign with Ed25519", ex);
		}
	}

	/**
	 * The text of {@code note}, once its signature by {@code key} is checked. Signatures
	 * by other keys are ignored, as the format says; a note without one by {@code key},
	 * or whose signature by it fails, is refused.
	 */
	public static String open(String note, VerifierKey key) throws InvalidSignature {
		int split = note.lastIndexOf("\n\n");
		if (split < 0 || !note.endsWith("\n")) {
			throw new InvalidSignature("not a signed note: no blank line before its signatures");
		}
		String text = note.substring(0, split + 1);
		requireText(text);
		for (String line : note.substring(split + 2).split("\n")) {
			if (!line.startsWith(DASH)) {
				throw new InvalidSignature("not a signature line: " + line);
			}
			String[] parts = line.substring(DASH.length()).split(" ");
			if (parts.length != 2) {
				throw new InvalidSignature("not a signature line: " + line);
			}
			byte[] signed;
			try {
				signed = Base64.getDecoder().decode(parts[1]);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidSignature("a signature that is not base64: " + line);
			}
			if (!parts[0].equals(key.name()) || signed.length < 4
					|| !Arrays.equals(Arrays.copyOf(signed, 4), key.id())) {
				continue;
			}
			if (!verifies(text, Arrays.copyOfRange(signed, 4, signed.length), key)) {
				throw new InvalidSignature("the signature of " + key.name() + " does not verify");
			}
			return text;
		}
		throw new InvalidSignature("the note is not signed by " + key.name());
	}

	private static boolean verifies(String text, byte[] signature, VerifierKey key) {
		try {
			Signature ed25519 = Signature.getInstance("Ed25519");
			ed25519.initVerify(key.publicKeyForJdk());
			ed25519.update(text.getBytes(StandardCharsets.UTF_8));
			return ed25519.verify(signature);
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

	private static void requireText(String text) {
		if (text.isEmpty() || !text.endsWith("\n") || text.contains("\n\n")
				|| text.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
			throw new IllegalArgumentException(
					"a note's text is lines, each ending in a newline, none empty, without control characters");
		}
	}

	/** A note whose signature is missing, malformed or does not verify. */
	public static class InvalidSignature extends Exception {

		public InvalidSignature(String reason) {
			super(reason);
		}

	}

}
