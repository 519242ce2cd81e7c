package org.library.verifier;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The proofs this module builds are the ones it checks, for every leaf and size up to a
 * few dozen, and each is at most ⌈log2 n⌉ hashes; the roots are RFC 6962's own.
 */
class MerkleTest {

	@Test
	void theRootsOfRfc6962sTestTree() {
		// the reference tree of RFC 6962's test data: eight leaves of 0 to 4 bytes
		String[] leaves = { "", "00", "10", "2021", "3031", "40414243", "5051525354555657",
				"606162636465666768696a6b6c6d6e6f" };
		List<byte[]> hashes = new ArrayList<>();
		for (String leaf : leaves) {
			hashes.add(Merkle.leafHash(HexFormat.of().parseHex(leaf)));
		}
		assertThat(HexFormat.of().formatHex(Merkle.root(hashes.subList(0, 1))))
			.isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
		assertThat(HexFormat.of().formatHex(Merkle.root(hashes)))
			.isEqualTo("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
		assertThat(HexFormat.of().formatHex(Merkle.emptyRoot()))
			.isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	}

	@Test
	void everyInclusionProofChecksAndIsShort() throws InvalidProof {
		for (int size = 1; size <= 40; size++) {
			List<byte[]> leaves = leaves(size);
			byte[] root = Merkle.root(leaves);
			for (int index = 0; index < size; index++) {
				List<byte[]> proof = Merkle.inclusionProof(index, leaves);
				assertThat(proof).hasSizeLessThanOrEqualTo(ceilLog2(size));
				Merkle.verifyInclusion(index, size, leaves.get(index), proof, root);
			}
		}
	}

	@Test
	void everyConsistencyProofChecksAndIsShort() throws InvalidProof {
		for (int size2 = 1; size2 <= 40; size2++) {
			List<byte[]> leaves = leaves(size2);
			for (int size1 = 1; size1 <= size2; size1++) {
				List<byte[]> proof = Merkle.consistencyProof(size1, leaves);
				assertThat(proof).hasSizeLessThanOrEqualTo(ceilLog2(size2) + 1);
				Merkle.verifyConsistency(size1, size2, proof, Merkle.root(leaves.subList(0, size1)),
						Merkle.root(leaves));
			}
		}
	}

	@Test
	void aLeafOfAnotherTreeOrAnotherPlaceIsRefused() {
		List<byte[]> leaves = leaves(13);
		List<byte[]> proof = Merkle.inclusionProof(5, leaves);
		byte[] root = Merkle.root(leaves);
		assertThatCode(() -> Merkle.verifyInclusion(5, 13, leaves.get(5), proof, root)).doesNotThrowAnyException();
		assertThatThrownBy(() -> Merkle.verifyInclusion(6, 13, leaves.get(5), proof, root))
			.isInstanceOf(InvalidProof.class);
		assertThatThrownBy(() -> Merkle.verifyInclusion(5, 13, leaves.get(6), proof, root))
			.isInstanceOf(InvalidProof.class);
		// a tree of another shape needs a path of another length
		assertThatThrownBy(() -> Merkle.verifyInclusion(5, 6, leaves.get(5), proof, root))
			.isInstanceOf(InvalidProof.class)
			.hasMessageContaining("longer");
	}

	@Test
	void aRewrittenPastIsNotConsistentWithWhatWasSeen() {
		List<byte[]> seen = leaves(10);
		List<byte[]> rewritten = new ArrayList<>(leaves(20));
		rewritten.set(3, Merkle.leafHash("forged".getBytes(StandardCharsets.UTF_8)));
		assertThatThrownBy(() -> Merkle.verifyConsistency(10, 20, Merkle.consistencyProof(10, rewritten),
				Merkle.root(seen), Merkle.root(rewritten)))
			.isInstanceOf(InvalidProof.class)
			.hasMessageContaining("tree of 10");
	}

	@Test
	void aLogThatKeepsItsSubtreesGivesTheSameRootsAndProofsInLogarithmicReads() {
		Map<String, byte[]> stored = new HashMap<>();
		AtomicInteger reads = new AtomicInteger();
		NodeSource store = (level, index) -> {
			reads.incrementAndGet();
			byte[] hash = stored.get(level + "/" + index);
			assertThat(hash).as("node %d/%d", level, index).isNotNull();
			return hash;
		};
		List<byte[]> leaves = leaves(70);
		int size = 0;
		while (size < leaves.size()) {
			int batch = Math.min(1 + size % 7, leaves.size() - size);
			for (NodeSource.Node node : Merkle.append(size, store, leaves.subList(size, size + batch))) {
				assertThat(stored.put(node.level() + "/" + node.index(), node.hash())).as("stored once").isNull();
			}
			size += batch;
			assertThat(Merkle.root(size, store)).isEqualTo(Merkle.root(leaves.subList(0, size)));
		}
		// every perfect subtree once: 2n - (the number of set bits of n)
		assertThat(stored).hasSize(2 * 70 - Integer.bitCount(70));
		for (int index = 0; index < 70; index++) {
			reads.set(0);
			assertThat(Merkle.inclusionProof(index, 70, store)).usingElementComparator(Arrays::compare)
				.containsExactlyElementsOf(Merkle.inclusionProof(index, leaves));
			assertThat(reads.get()).isLessThanOrEqualTo(2 * ceilLog2(70));
		}
		for (int size1 = 1; size1 <= 70; size1 += 3) {
			assertThat(Merkle.consistencyProof(size1, 70, store)).usingElementComparator(Arrays::compare)
				.containsExactlyElementsOf(Merkle.consistencyProof(size1, leaves));
		}
	}

	private static List<byte[]> leaves(int size) {
		List<byte[]> leaves = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			leaves.add(Merkle.leafHash(("leaf " + i).getBytes(StandardCharsets.UTF_8)));
		}
		return leaves;
	}

	private static int ceilLog2(int n) {
		return n == 1 ? 0 : 32 - Integer.numberOfLeadingZeros(n - 1);
	}

}
