package org.library.verifier;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A trail entry's leaf: every stored field, canonically, times to the microsecond. */
class TrailEntryTest {

	private static final UUID ID = UUID.fromString("0b7e4c39-6e52-4f5c-9d6f-2f5d1c1e7a10");

	@Test
	void theLeafIsTheCanonicalJsonOfEveryStoredField() {
		TrailEntry entry = new TrailEntry(7, ID, Instant.parse("2026-12-01T10:15:30Z"),
				Instant.parse("2026-12-01T10:15:30.123456Z"), "book-inventory-service", "ada", "LoanOpened", "Book",
				"b1", Map.of("copies", 2, "note", "é"), null);

		assertThat(new String(entry.leaf(), StandardCharsets.UTF_8)).isEqualTo("""
				{"action":"LoanOpened","actor":"ada","details":{"copies":2,"note":"é"},"entityId":"b1",\
				"entityType":"Book","id":"0b7e4c39-6e52-4f5c-9d6f-2f5d1c1e7a10",\
				"occurredAt":"2026-12-01T10:15:30.000000Z","recordedAt":"2026-12-01T10:15:30.123456Z",\
				"source":"book-inventory-service","traceId":null}""");
		assertThat(entry.leafHash()).isEqualTo(Merkle.leafHash(entry.leaf()));
	}

	@Test
	void anyChangedFieldChangesTheLeafHashButItsPlaceDoesNot() {
		TrailEntry entry = new TrailEntry(0, ID, Instant.EPOCH, Instant.EPOCH, "s", "ada", "A", "T", "e", Map.of(),
				"0123456789abcdef0123456789abcdef");
		// the tree commits to the place; the same event elsewhere is the same leaf, moved
		assertThat(new TrailEntry(1, ID, Instant.EPOCH, Instant.EPOCH, "s", "ada", "A", "T", "e", Map.of(),
				"0123456789abcdef0123456789abcdef")
			.leafHash()).isEqualTo(entry.leafHash());
		assertThat(new TrailEntry(0, ID, Instant.EPOCH, Instant.EPOCH, "s", "nobody", "A", "T", "e", Map.of(),
				"0123456789abcdef0123456789abcdef")
			.leafHash()).isNotEqualTo(entry.leafHash());
		assertThat(new TrailEntry(0, ID, Instant.EPOCH, Instant.EPOCH.plusNanos(1000), "s", "ada", "A", "T", "e",
				Map.of(), "0123456789abcdef0123456789abcdef")
			.leafHash()).isNotEqualTo(entry.leafHash());
		assertThat(new TrailEntry(0, ID, Instant.EPOCH, Instant.EPOCH, "s", "ada", "A", "T", "e", Map.of("x", 1),
				"0123456789abcdef0123456789abcdef")
			.leafHash()).isNotEqualTo(entry.leafHash());
	}

}
