package org.library.verifier;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.library.verifier.TrailVerifier.Accepted;
import org.library.verifier.TrailVerifier.Found;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each attack on a trail of fifty events is named exactly, by its kind and place, and a
 * trail left alone has no finding.
 */
class TrailVerifierTest {

	private final List<TrailEntry> trail = new ArrayList<>();

	TrailVerifierTest() {
		for (int i = 0; i < 50; i++) {
			trail.add(entry(i, "reader-" + i));
		}
	}

	@Test
	void aTrailLeftAloneVerifies() {
		assertThat(findings(found(trail), stored(trail), null)).isEmpty();
	}

	@Test
	void anEditedActorOrDetailIsNamedAtItsPlace() {
		List<TrailEntry> edited = new ArrayList<>(trail);
		edited.set(7, entry(7, "nobody"));
		edited.set(9, new TrailEntry(9, trail.get(9).id(), trail.get(9).occurredAt(), trail.get(9).recordedAt(), "s",
				"reader-9", "LoanOpened", "Book", "b", Map.of("copies", 99), null));
		assertThat(findings(found(edited), stored(trail), null)).containsExactly("edited 7", "edited 9");
	}

	@Test
	void aDeletedRowIsNamedWhetherItsPlaceIsLeftEmptyOrFilledByTheRest() {
		List<Found> gap = found(trail);
		gap.remove(20);
		assertThat(findings(gap, stored(trail), null)).containsExactly("deleted 20");

		List<TrailEntry> closed = new ArrayList<>(trail);
		closed.remove(20);
		assertThat(findings(found(closed), stored(trail), null)).containsExactly("deleted 20");
	}

	@Test
	void anInsertedRowIsNamedAndWhatItPushedAlongIsNot() {
		List<TrailEntry> pushed = new ArrayList<>(trail);
		pushed.add(10, entry(10, "forger"));
		assertThat(findings(found(pushed), stored(trail), null)).containsExactly("inserted 10");

		List<Found> doubled = found(trail);
		doubled.add(new Found(12, leaf(entry(12, "forger"))));
		assertThat(findings(doubled, stored(trail), null)).containsExactly("inserted 12");
	}

	@Test
	void swappedRowsAreReorderedAtBothPlaces() {
		List<TrailEntry> swapped = new ArrayList<>(trail);
		swapped.set(3, trail.get(30));
		swapped.set(30, trail.get(3));
		assertThat(findings(found(swapped), stored(trail), null))
			.containsExactly("reordered 3 holds the event of place 30", "reordered 30 holds the event of place 3");
	}

	@Test
	void aCutTailIsOneTruncation() {
		assertThat(findings(found(trail.subList(0, 40)), stored(trail), null))
			.containsExactly("truncated 40 the trail ends after 40 events; 50 were signed");
	}

	@Test
	void aCheckpointOlderThanTheOneAcceptedIsARollback() {
		Checkpoint older = checkpoint(trail.subList(0, 30));
		List<String> findings = TrailVerifier.verify(older, found(trail.subList(0, 30)), stored(trail), accepted(trail))
			.stream()
			.map(Object::toString)
			.toList();
		assertThat(findings).singleElement().asString().startsWith("rolled-back 30");
	}

	@Test
	void historyRewrittenAndReSignedWithAStolenKeyIsAFork() {
		List<TrailEntry> rewritten = new ArrayList<>(trail);
		rewritten.set(5, entry(5, "nobody"));
		for (int i = 50; i < 55; i++) {
			rewritten.add(entry(i, "reader-" + i));
		}
		// the rewritten tree and its checkpoint agree: only what the auditor kept tells
		List<String> findings = TrailVerifier
			.verify(checkpoint(rewritten), found(rewritten), stored(rewritten), accepted(trail))
			.stream()
			.map(Object::toString)
			.toList();
		assertThat(findings).singleElement().asString().startsWith("forked 50");
	}

	@Test
	void aNameKeptApartIsCheckedAgainstTheHashItsLeafHolds() {
		PersonalName ada = PersonalName.salted("actor", "ada");
		PersonalName reader = PersonalName.salted("details.readerId", "ada");
		List<TrailEntry> named = new ArrayList<>(trail);
		TrailEntry plain = trail.get(11);
		named.set(11, new TrailEntry(11, plain.id(), plain.occurredAt(), plain.recordedAt(), plain.source(), ada.hash(),
				plain.action(), plain.entityType(), plain.entityId(), Map.of("readerId", reader.hash()), null));
		List<Found> found = found(named);
		found.set(11, new Found(11, leaf(named.get(11)), List.of(ada, reader)));
		assertThat(TrailVerifier.verify(checkpoint(named), found, stored(named), null)).isEmpty();

		// erased: no names, the same leaf, nothing to find
		found.set(11, new Found(11, leaf(named.get(11))));
		assertThat(TrailVerifier.verify(checkpoint(named), found, stored(named), null)).isEmpty();

		// another name, or another salt, where the names are kept
		found.set(11,
				new Found(11, leaf(named.get(11)), List.of(new PersonalName("actor", "mallory", ada.salt()), reader)));
		assertThat(TrailVerifier.verify(checkpoint(named), found, stored(named), null)).map(Object::toString)
			.containsExactly("edited 11 the name given for actor is not the one its leaf holds the hash of");
		found.set(11, new Found(11, leaf(named.get(11)),
				List.of(ada, new PersonalName("details.readerId", "ada", new byte[16]))));
		assertThat(TrailVerifier.verify(checkpoint(named), found, stored(named), null)).map(Object::toString)
			.containsExactly("edited 11 the name given for details.readerId is not the one its leaf holds the hash of");
	}

	@Test
	void storedHashesThatDoNotMakeTheSignedRootProveNothing() {
		List<byte[]> stored = stored(trail);
		stored.set(4, Merkle.leafHash(new byte[] { 4 }));
		assertThat(findings(found(trail), stored, null)).singleElement().asString().startsWith("unprovable");
	}

	private List<String> findings(List<Found> found, List<byte[]> stored, Accepted accepted) {
		return TrailVerifier.verify(checkpoint(trail), found, stored, accepted).stream().map(Object::toString).toList();
	}

	private static Checkpoint checkpoint(List<TrailEntry> entries) {
		return new Checkpoint("library.example/audit", entries.size(), Merkle.root(stored(entries)));
	}

	private static Accepted accepted(List<TrailEntry> entries) {
		return new Accepted(entries.size(), Merkle.root(stored(entries)));
	}

	private static List<byte[]> stored(List<TrailEntry> entries) {
		return new ArrayList<>(entries.stream().map(TrailEntry::leafHash).toList());
	}

	/** The trail as its export shows it: each row at the place it now has. */
	private static List<Found> found(List<TrailEntry> entries) {
		List<Found> found = new ArrayList<>();
		for (int place = 0; place < entries.size(); place++) {
			found.add(new Found(place, leaf(entries.get(place))));
		}
		return found;
	}

	private static String leaf(TrailEntry entry) {
		return new String(entry.leaf(), StandardCharsets.UTF_8);
	}

	private static TrailEntry entry(int place, String actor) {
		Instant at = Instant.parse("2026-12-01T00:00:00Z").plusSeconds(place);
		return new TrailEntry(place,
				UUID.nameUUIDFromBytes(("event " + place + actor).getBytes(StandardCharsets.UTF_8)), at, at,
				"book-inventory-service", actor, "LoanOpened", "Book", "b" + place, Map.of("count", 1), null);
	}

}
