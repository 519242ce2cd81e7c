package org.library.verifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The verifier agrees with the interoperable RFC 9162 implementations on their own test
 * data (transparency-dev/merkle, see {@code rfc9162/README.md}): every happy path is
 * proved, every tampered proof is refused.
 */
class MerkleVectorsTest {

	@Test
	void theVectorsAreAllThere() {
		assertThat(cases("inclusion")).hasSizeGreaterThan(90);
		assertThat(cases("consistency")).hasSizeGreaterThan(90);
	}

	@TestFactory
	Stream<DynamicTest> inclusionProofs() {
		return cases("inclusion").stream().map(file -> DynamicTest.dynamicTest(name(file), () -> {
			Map<String, Object> vector = vector(file);
			var verify = assertThatCode(
					() -> Merkle.verifyInclusion(number(vector, "leafIdx"), number(vector, "treeSize"),
							hash(vector.get("leafHash")), hashes(vector.get("proof")), hash(vector.get("root"))));
			if ((Boolean) vector.get("wantErr")) {
				verify.isInstanceOf(InvalidProof.class);
			}
			else {
				verify.doesNotThrowAnyException();
			}
		}));
	}

	@TestFactory
	Stream<DynamicTest> consistencyProofs() {
		return cases("consistency").stream().map(file -> DynamicTest.dynamicTest(name(file), () -> {
			Map<String, Object> vector = vector(file);
			var verify = assertThatCode(() -> Merkle.verifyConsistency(number(vector, "size1"), number(vector, "size2"),
					hashes(vector.get("proof")), hash(vector.get("root1")), hash(vector.get("root2"))));
			if ((Boolean) vector.get("wantErr")) {
				verify.isInstanceOf(InvalidProof.class);
			}
			else {
				verify.doesNotThrowAnyException();
			}
		}));
	}

	@Test
	void aTamperedVectorIsRefused() {
		// the guard on the guard: a happy path with one hash of its proof swapped fails
		Map<String, Object> vector = vector(root().resolve("inclusion/1/happy-path.json"));
		List<byte[]> proof = hashes(vector.get("proof"));
		proof.set(0, Merkle.leafHash(new byte[] { 1 }));
		assertThatThrownBy(() -> Merkle.verifyInclusion(number(vector, "leafIdx"), number(vector, "treeSize"),
				hash(vector.get("leafHash")), proof, hash(vector.get("root"))))
			.isInstanceOf(InvalidProof.class);
	}

	private static List<Path> cases(String kind) {
		try (Stream<Path> files = Files.walk(root().resolve(kind))) {
			return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path root() {
		try {
			return Path.of(MerkleVectorsTest.class.getResource("/rfc9162").toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String name(Path file) {
		return root().relativize(file).toString();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> vector(Path file) {
		try {
			return (Map<String, Object>) Json.read(Files.readString(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The vectors' sizes are unsigned 64-bit; one beyond a signed long is no trail's, and
	 * is read as -1, which every check refuses.
	 */
	private static long number(Map<String, Object> vector, String key) {
		BigDecimal number = (BigDecimal) vector.get(key);
		return number.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0 ? -1 : number.longValueExact();
	}

	private static byte[] hash(Object base64) {
		return base64 == null ? null : Base64.getDecoder().decode((String) base64);
	}

	private static List<byte[]> hashes(Object list) {
		return list == null ? new ArrayList<>()
				: new java.util.ArrayList<>(((List<?>) list).stream().map(MerkleVectorsTest::hash).toList());
	}

}
