package org.library.verifier;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A person's name where the trail names one, and what the trail keeps in its place: a
 * salted hash. The leaf commits to the hash, never to the name; the name and its salt are
 * kept apart, so that erasing them leaves every leaf, proof and checkpoint as it was.
 * Without the salt the hash cannot be turned back into a name by trying every username,
 * and each occurrence has its own salt, so two hashes of one reader are not seen to be
 * the same reader.
 *
 * @param field where in the event the name is: one of {@link #FIELDS}
 * @param name the name itself
 * @param salt 16 random bytes, this occurrence's own
 */
public record PersonalName(String field, String name, byte[] salt) {

	/**
	 * The fields that name a person: the actor, and a reader named in the details. Only
	 * text values are names; the details' other fields are kept as they are.
	 */
	public static final List<String> FIELDS = List.of("actor", "details.reader", "details.readerId");

	/** What the trail shows where an erased name was. */
	public static final String ERASED = "erased";

	/** How a salted hash starts, which no name the trail keeps does. */
	public static final String PREFIX = "sha256:";

	public static final int SALT_SIZE = 16;

	private static final SecureRandom RANDOM = new SecureRandom();

	public PersonalName {
		if (!FIELDS.contains(field)) {
			throw new IllegalArgumentException(field + " is not a field that names a person; those are " + FIELDS);
		}
		if (salt.length != SALT_SIZE) {
			throw new IllegalArgumentException("a salt is " + SALT_SIZE + " bytes, not " + salt.length);
		}
	}

	/** The name in {@code field}, with a new salt. */
	public static PersonalName salted(String field, String name) {
		byte[] salt = new byte[SALT_SIZE];
		RANDOM.nextBytes(salt);
		return new PersonalName(field, name, salt);
	}

	/**
	 * What the trail keeps in the name's place: {@code sha256:} and the base64 of
	 * SHA-256(salt || the name's UTF-8).
	 */
	public String hash() {
		MessageDigest sha = Merkle.sha256();
		sha.update(salt);
		sha.update(name.getBytes(StandardCharsets.UTF_8));
		return PREFIX + Base64.getEncoder().encodeToString(sha.digest());
	}

	/** Whether {@code value}, found in a field that names a person, is a salted hash. */
	public static boolean isHash(Object value) {
		return value instanceof String text && text.startsWith(PREFIX);
	}

	/**
	 * What {@code field} holds in an event's leaf, as {@link Json#read} gives it, or
	 * {@code null}.
	 */
	public static Object valueIn(Map<?, ?> leaf, String field) {
		if (field.startsWith("details.")) {
			return leaf.get("details") instanceof Map<?, ?> details ? details.get(field.substring("details.".length()))
					: null;
		}
		return leaf.get(field);
	}

}
