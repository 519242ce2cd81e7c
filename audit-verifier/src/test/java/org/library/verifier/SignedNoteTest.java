package org.library.verifier;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Signed notes as the C2SP format and its reference implementation (Go's sumdb/note)
 * write them: the reference's own example note opens with its published key; ours sign
 * and open; a changed text, another key or a forged line is refused.
 */
class SignedNoteTest {

	/** golang.org/x/mod/sumdb/note's example key and note. */
	private static final String EXAMPLE_KEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";

	private static final String EXAMPLE_NOTE = """
			If you think cryptography is the answer to your problem,
			then you don't know what your problem is.

			— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=
			""";

	@Test
	void theReferenceExampleOpensWithItsPublishedKey() throws SignedNote.InvalidSignature {
		SignedNote.VerifierKey key = SignedNote.VerifierKey.parse(EXAMPLE_KEY);

		assertThat(key.toString()).isEqualTo(EXAMPLE_KEY);
		assertThat(SignedNote.open(EXAMPLE_NOTE, key)).isEqualTo("""
				If you think cryptography is the answer to your problem,
				then you don't know what your problem is.
				""");
		assertThatThrownBy(() -> SignedNote.open(EXAMPLE_NOTE.replace("don't", "do"), key))
			.isInstanceOf(SignedNote.InvalidSignature.class)
			.hasMessageContaining("does not verify");
	}

	@Test
	void aCheckpointSignedHereOpensWithItsKeyAndNoOther() throws Exception {
		KeyPair pair = ed25519();
		SignedNote.VerifierKey key = SignedNote.VerifierKey.of("library.example/audit", pair.getPublic());
		Checkpoint checkpoint = new Checkpoint("library.example/audit", 42, Merkle.leafHash(new byte[] { 1 }));

		String note = SignedNote.sign(checkpoint.body(), pair.getPrivate(), key);

		assertThat(Checkpoint.parse(SignedNote.open(note, SignedNote.VerifierKey.parse(key.toString()))))
			.usingRecursiveComparison()
			.isEqualTo(checkpoint);
		SignedNote.VerifierKey stolenName = SignedNote.VerifierKey.of("library.example/audit", ed25519().getPublic());
		assertThatThrownBy(() -> SignedNote.open(note, stolenName)).isInstanceOf(SignedNote.InvalidSignature.class)
			.hasMessageContaining("not signed by");
		String grown = note.replaceFirst("\n42\n", "\n43\n");
		assertThatThrownBy(() -> SignedNote.open(grown, key)).isInstanceOf(SignedNote.InvalidSignature.class)
			.hasMessageContaining("does not verify");
	}

	private static KeyPair ed25519() throws NoSuchAlgorithmException {
		return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
	}

}
