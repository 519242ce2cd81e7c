package org.library.verifier;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Merkle tree of RFC 9162 (Certificate Transparency 2.0), section 2.1, over SHA-256:
 * a leaf hashes as {@code SHA-256(0x00 || leaf)}, a node as
 * {@code SHA-256(0x01 || left || right)}, and a tree of n leaves splits at the largest
 * power of two below n. The proofs are built as sections 2.1.3.1 and 2.1.4.1 describe and
 * checked as 2.1.3.2 and 2.1.4.2 do, with the edge cases read the way the interoperable
 * implementations read them (transparency-dev/merkle): a tree proves nothing about an
 * empty one, and a tree is consistent with itself by an empty proof.
 */
public final class Merkle {

	/** The size of every hash: SHA-256. */
	public static final int HASH_SIZE = 32;

	private static final byte LEAF = 0x00;

	private static final byte NODE = 0x01;

	private Merkle() {
	}

	public static byte[] leafHash(byte[] leaf) {
		MessageDigest sha = sha256();
		sha.update(LEAF);
		sha.update(leaf);
		return sha.digest();
	}

	public static byte[] nodeHash(byte[] left, byte[] right) {
		MessageDigest sha = sha256();
		sha.update(NODE);
		sha.update(left);
		sha.update(right);
		return sha.digest();
	}

	/** The root of the empty tree: the hash of nothing. */
	public static byte[] emptyRoot() {
		return sha256().digest();
	}

	/** MTH(D[n]): the root of the tree whose leaves hash to {@code leafHashes}. */
	public static byte[] root(List<byte[]> leafHashes) {
		return leafHashes.isEmpty() ? emptyRoot() : root(leafHashes, 0, leafHashes.size());
	}

	private static byte[] root(List<byte[]> leafHashes, int from, int to) {
		if (to - from == 1) {
			return leafHashes.get(from);
		}
		int split = from + (int) largestPowerOfTwoBelow(to - from);
		return nodeHash(root(leafHashes, from, split), root(leafHashes, split, to));
	}

	/**
	 * The root of the tree of the first {@code size} leaves, from its perfect subtrees.
	 */
	public static byte[] root(long size, NodeSource nodes) {
		return size == 0 ? emptyRoot() : rangeRoot(0, size, nodes);
	}

	/**
	 * The root of leaves {@code [from, to)}, where {@code from} is a multiple of a power
	 * of two at least {@code to - from}, as every range of RFC 9162's recursion is: its
	 * perfect subtrees, largest first, folded from the right.
	 */
	private static byte[] rangeRoot(long from, long to, NodeSource nodes) {
		long width = to - from;
		if (Long.bitCount(width) == 1) {
			int level = Long.numberOfTrailingZeros(width);
			return nodes.node(level, from >> level);
		}
		long split = largestPowerOfTwoBelow(width);
		return nodeHash(rangeRoot(from, from + split, nodes), rangeRoot(from + split, to, nodes));
	}

	/**
	 * PATH(m, D[n]): the hashes that take leaf {@code index} to the root of the tree of
	 * {@code leafHashes}, nearest first.
	 */
	public static List<byte[]> inclusionProof(int index, List<byte[]> leafHashes) {
		return inclusionProof(index, leafHashes.size(), NodeSource.of(leafHashes));
	}

	/**
	 * PATH(m, D[n]) from a log's stored subtrees: at most one of its hashes is not a
	 * stored node, and that one is folded from at most log2 n of them.
	 */
	public static List<byte[]> inclusionProof(long index, long size, NodeSource nodes) {
		if (index < 0 || index >= size) {
			throw new IllegalArgumentException("no leaf " + index + " in a tree of " + size);
		}
		List<byte[]> path = new ArrayList<>();
		path(index, 0, size, nodes, path);
		return path;
	}

	private static void path(long index, long from, long to, NodeSource nodes, List<byte[]> path) {
		if (to - from == 1) {
			return;
		}
		long split = from + largestPowerOfTwoBelow(to - from);
		if (index < split) {
			path(index, from, split, nodes, path);
			path.add(rangeRoot(split, to, nodes));
		}
		else {
			path(index, split, to, nodes, path);
			path.add(rangeRoot(from, split, nodes));
		}
	}

	/**
	 * PROOF(m, D[n]): the hashes that show the tree of the first {@code size1} leaves is
	 * where the tree of {@code leafHashes} began.
	 */
	public static List<byte[]> consistencyProof(int size1, List<byte[]> leafHashes) {
		return consistencyProof(size1, leafHashes.size(), NodeSource.of(leafHashes));
	}

	/** PROOF(m, D[n]) from a log's stored subtrees. */
	public static List<byte[]> consistencyProof(long size1, long size2, NodeSource nodes) {
		if (size1 < 1 || size1 > size2) {
			throw new IllegalArgumentException("no consistency proof from " + size1 + " to a tree of " + size2);
		}
		List<byte[]> proof = new ArrayList<>();
		subproof(size1, 0, size2, true, nodes, proof);
		return proof;
	}

	private static void subproof(long m, long from, long to, boolean whole, NodeSource nodes, List<byte[]> proof) {
		long n = to - from;
		if (m == n) {
			if (!whole) {
				proof.add(rangeRoot(from, to, nodes));
			}
			return;
		}
		long k = largestPowerOfTwoBelow(n);
		if (m <= k) {
			subproof(m, from, from + k, whole, nodes, proof);
			proof.add(rangeRoot(from + k, to, nodes));
		}
		else {
			subproof(m - k, from + k, to, false, nodes, proof);
			proof.add(rangeRoot(from, from + k, nodes));
		}
	}

	/**
	 * The perfect subtrees a log of {@code size} leaves gains when {@code leafHashes} are
	 * appended: each leaf, then every subtree it completes. Only the subtrees on the
	 * log's right edge are read, one per set bit of {@code size}.
	 */
	public static List<NodeSource.Node> append(long size, NodeSource nodes, List<byte[]> leafHashes) {
		// the right edge: the root of each perfect subtree the first size leaves split
		// into
		byte[][] edge = new byte[64][];
		for (int level = 0; level < 63; level++) {
			if ((size >> level & 1) == 1) {
				edge[level] = nodes.node(level, (size >> level) - 1);
			}
		}
		List<NodeSource.Node> added = new ArrayList<>();
		long next = size;
		for (byte[] leaf : leafHashes) {
			byte[] node = leaf;
			int level = 0;
			added.add(new NodeSource.Node(0, next, node));
			while ((next >> level & 1) == 1) {
				node = nodeHash(edge[level], node);
				edge[level] = null;
				level++;
				added.add(new NodeSource.Node(level, next >> level, node));
			}
			edge[level] = node;
			next++;
		}
		return added;
	}

	/**
	 * Checks that {@code proof} takes leaf {@code index} of a tree of {@code size} to
	 * {@code root}.
	 */
	public static void verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root)
			throws InvalidProof {
		if (index < 0 || index >= size) {
			throw new InvalidProof("leaf " + index + " is not in a tree of " + size);
		}
		requireHash(leafHash, "the leaf hash");
		long fn = index;
		long sn = size - 1;
		byte[] r = leafHash;
		for (byte[] p : proof) {
			requireHash(p, "a hash of the proof");
			if (sn == 0) {
				throw new InvalidProof("the proof is longer than the path of leaf " + index + " in " + size);
			}
			if ((fn & 1) == 1 || fn == sn) {
				r = nodeHash(p, r);
				if ((fn & 1) == 0) {
					while ((fn & 1) == 0 && fn != 0) {
						fn >>= 1;
						sn >>= 1;
					}
				}
			}
			else {
				r = nodeHash(r, p);
			}
			fn >>= 1;
			sn >>= 1;
		}
		if (sn != 0) {
			throw new InvalidProof("the proof is shorter than the path of leaf " + index + " in " + size);
		}
		if (!Arrays.equals(r, root)) {
			throw new InvalidProof("leaf " + index + " does not chain to the root of the tree of " + size);
		}
	}

	/**
	 * Checks that {@code proof} shows the tree of {@code size1} leaves with {@code root1}
	 * is the beginning of the tree of {@code size2} with {@code root2}.
	 */
	public static void verifyConsistency(long size1, long size2, List<byte[]> proof, byte[] root1, byte[] root2)
			throws InvalidProof {
		if (size1 < 1 || size2 < size1) {
			throw new InvalidProof("no tree of " + size2 + " can be consistent with one of " + size1);
		}
		if (size1 == size2) {
			if (!proof.isEmpty()) {
				throw new InvalidProof("a tree is consistent with itself by an empty proof");
			}
			if (!Arrays.equals(root1, root2)) {
				throw new InvalidProof("two trees of " + size1 + " with different roots");
			}
			return;
		}
		if (proof.isEmpty()) {
			throw new InvalidProof("an empty proof proves nothing between " + size1 + " and " + size2);
		}
		List<byte[]> path = new ArrayList<>(proof);
		if (Long.bitCount(size1) == 1) {
			// the old tree is a whole subtree of the new one: its root is the first node
			path.addFirst(root1);
		}
		long fn = size1 - 1;
		long sn = size2 - 1;
		while ((fn & 1) == 1) {
			fn >>= 1;
			sn >>= 1;
		}
		byte[] fr = requireHash(path.getFirst(), "a hash of the proof");
		byte[] sr = fr;
		for (byte[] c : path.subList(1, path.size())) {
			requireHash(c, "a hash of the proof");
			if (sn == 0) {
				throw new InvalidProof("the proof is longer than a proof from " + size1 + " to " + size2);
			}
			if ((fn & 1) == 1 || fn == sn) {
				fr = nodeHash(c, fr);
				sr = nodeHash(c, sr);
				if ((fn & 1) == 0) {
					while ((fn & 1) == 0 && fn != 0) {
						fn >>= 1;
						sn >>= 1;
					}
				}
			}
			else {
				sr = nodeHash(sr, c);
			}
			fn >>= 1;
			sn >>= 1;
		}
		if (sn != 0) {
			throw new InvalidProof("the proof is shorter than a proof from " + size1 + " to " + size2);
		}
		if (!Arrays.equals(fr, root1)) {
			throw new InvalidProof("the proof does not lead to the root of the tree of " + size1);
		}
		if (!Arrays.equals(sr, root2)) {
			throw new InvalidProof("the proof does not lead to the root of the tree of " + size2);
		}
	}

	/** The largest power of two smaller than {@code n} (n at least 2). */
	static long largestPowerOfTwoBelow(long n) {
		return Long.highestOneBit(n - 1);
	}

	private static byte[] requireHash(byte[] hash, String what) throws InvalidProof {
		if (hash == null || hash.length != HASH_SIZE) {
			throw new InvalidProof(what + " is not " + HASH_SIZE + " bytes");
		}
		return hash;
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JDK has SHA-256", ex);
		}
	}

}
