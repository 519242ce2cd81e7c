package org.library.verifier;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Judges a trail against a signed checkpoint, and the checkpoint against the last one the
 * auditor accepted, and names every way they disagree.
 *
 * <p>
 * What it is given: the checkpoint (size n, root r), the trail's leaves as found (each
 * event's canonical text at the place the log says it has), and the log's stored leaf
 * hashes for places 0 to n-1. Those stored hashes are trusted only because they make the
 * signed root; then each found leaf is looked up among them by its hash. A leaf whose
 * hash is the stored one of its own place is intact; of another place, it was moved; of
 * none, it was edited (where its place's own is missing) or inserted. A stored leaf that
 * no found leaf has was deleted, and deletions that take the whole tail are a truncation.
 * Leaf hashes do not include the place, so a moved event is recognised as itself.
 */
public final class TrailVerifier {

	/** The kinds of finding, as the verifier prints them. */
	public enum Kind {

		EDITED, DELETED, INSERTED, REORDERED, TRUNCATED, ROLLED_BACK, FORKED, BAD_SIGNATURE, UNPROVABLE;

		@Override
		public String toString() {
			return name().toLowerCase().replace('_', '-');
		}

	}

	/** One way the trail disagrees with what was signed: its kind and the place. */
	public record Finding(Kind kind, long index, String detail) {

		@Override
		public String toString() {
			return kind + " " + index + (detail.isEmpty() ? "" : " " + detail);
		}

	}

	/** The checkpoint accepted last time, kept by the auditor: size and root. */
	public record Accepted(long size, byte[] root) {
	}

	private TrailVerifier() {
	}

	/**
	 * An event as found in the trail: the place the log gives it, its leaf text, and the
	 * names its leaf holds salted hashes of, those not erased.
	 */
	public record Found(long place, String leaf, List<PersonalName> names) {

		public Found(long place, String leaf) {
			this(place, leaf, List.of());
		}

	}

	/**
	 * @param checkpoint the checkpoint, already opened with the log's key
	 * @param found every event the trail holds, with the place it is at
	 * @param stored the log's stored leaf hashes, places 0 to at least
	 * {@code checkpoint.size() - 1}
	 * @param accepted the checkpoint accepted before, or {@code null}
	 * @return every finding, by place; empty when the trail is intact
	 */
	public static List<Finding> verify(Checkpoint checkpoint, List<Found> found, List<byte[]> stored,
			Accepted accepted) {
		List<Finding> findings = new ArrayList<>();
		long size = checkpoint.size();
		if (accepted != null && size < accepted.size()) {
			findings.add(new Finding(Kind.ROLLED_BACK, size,
					"the checkpoint is of " + size + " events; one of " + accepted.size() + " was accepted before"));
			return findings;
		}
		if (stored.size() < size || !Arrays.equals(Merkle.root(stored.subList(0, (int) size)), checkpoint.root())) {
			findings.add(new Finding(Kind.UNPROVABLE, 0, "the log's stored tree does not make its signed root"));
			return findings;
		}
		List<byte[]> signed = stored.subList(0, (int) size);
		if (accepted != null && accepted.size() > 0
				&& !Arrays.equals(Merkle.root(signed.subList(0, (int) accepted.size())), accepted.root())) {
			findings.add(new Finding(Kind.FORKED, accepted.size(),
					"the signed tree does not begin with the tree accepted before: history was rewritten and re-signed"));
		}
		findings.addAll(compare(size, found, signed));
		findings.sort(Comparator.comparingLong(Finding::index).thenComparing(Finding::kind));
		return findings;
	}

	private static List<Finding> compare(long size, List<Found> found, List<byte[]> signed) {
		Map<String, Long> placeOf = new HashMap<>();
		for (int place = 0; place < signed.size(); place++) {
			placeOf.put(HexFormat.of().formatHex(signed.get(place)), (long) place);
		}
		TreeSet<Long> unclaimed = new TreeSet<>();
		for (long place = 0; place < size; place++) {
			unclaimed.add(place);
		}
		// place found -> the signed place of the event there (moved), or none (a
		// stranger)
		TreeMap<Long, Long> moved = new TreeMap<>();
		List<Long> strangers = new ArrayList<>();
		List<Finding> misnamed = new ArrayList<>();
		long lastFound = -1;
		for (Found leaf : found) {
			lastFound = Math.max(lastFound, leaf.place());
			Long original = placeOf
				.get(HexFormat.of().formatHex(Merkle.leafHash(leaf.leaf().getBytes(StandardCharsets.UTF_8))));
			if (original != null && unclaimed.remove(original)) {
				if (original != leaf.place()) {
					moved.put(leaf.place(), original);
				}
				misnamed.addAll(misnamed(leaf));
			}
			else if (leaf.place() < size) {
				// after the checkpoint nothing is signed yet, so nothing is judged
				strangers.add(leaf.place());
			}
		}
		List<Finding> findings = new ArrayList<>(misnamed);
		TreeSet<Long> inserted = new TreeSet<>();
		for (long place : strangers) {
			if (unclaimed.remove(place)) {
				findings.add(new Finding(Kind.EDITED, place, ""));
			}
			else {
				inserted.add(place);
				findings.add(new Finding(Kind.INSERTED, place, ""));
			}
		}
		if (!unclaimed.isEmpty() && unclaimed.first() > lastFound && unclaimed.last() == size - 1
				&& unclaimed.size() == size - unclaimed.first()) {
			findings.add(new Finding(Kind.TRUNCATED, unclaimed.first(),
					"the trail ends after " + unclaimed.first() + " events; " + size + " were signed"));
			unclaimed.clear();
		}
		TreeSet<Long> deleted = new TreeSet<>(unclaimed);
		deleted.forEach(place -> findings.add(new Finding(Kind.DELETED, place, "")));
		// what an insertion or a deletion pushed along, every later event by the same
		// step, is not a reordering
		moved.forEach((place, original) -> {
			long shift = inserted.headSet(place).size() - deleted.headSet(original).size();
			if (place - original != shift) {
				findings.add(new Finding(Kind.REORDERED, place, "holds the event of place " + original));
			}
		});
		return findings;
	}

	/**
	 * A name given for an intact leaf that is not the one its hash was made of: the names
	 * are kept apart from the leaves, and changing one there is an edit too.
	 */
	static List<Finding> misnamed(Found leaf) {
		if (leaf.names().isEmpty()) {
			return List.of();
		}
		Map<?, ?> fields = (Map<?, ?>) Json.read(leaf.leaf());
		List<Finding> findings = new ArrayList<>();
		for (PersonalName name : leaf.names()) {
			if (!name.hash().equals(PersonalName.valueIn(fields, name.field()))) {
				findings.add(new Finding(Kind.EDITED, leaf.place(),
						"the name given for " + name.field() + " is not the one its leaf holds the hash of"));
			}
		}
		return findings;
	}

}
