package org.library.verifier;

import java.util.List;

/**
 * Where the hashes of a tree's perfect subtrees come from: the subtree at {@code level}
 * (0 for a leaf) and {@code index} covers leaves {@code [index * 2^level, (index + 1) *
 * 2^level)}. A log keeps them, so that a root or a proof costs O(log n) of them rather
 * than n leaves.
 */
@FunctionalInterface
public interface NodeSource {

	byte[] node(int level, long index);

	/** The nodes of a tree held as its leaf hashes, computed on each ask. */
	static NodeSource of(List<byte[]> leafHashes) {
		return (level, index) -> {
			long from = index << level;
			long to = from + (1L << level);
			if (to > leafHashes.size()) {
				throw new IllegalArgumentException(
						"no node " + level + "/" + index + " in a tree of " + leafHashes.size());
			}
			return Merkle.root(leafHashes.subList((int) from, (int) to));
		};
	}

	/** A perfect subtree's hash, as a log stores it. */
	record Node(int level, long index, byte[] hash) {
	}

}
