package org.library.contracts.catalog;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;
import org.library.contracts.CloudEventHeaders;
import org.library.contracts.Topics;
import org.library.contracts.UnreadableRecord;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one reader of library.catalog.books, without a broker: a snapshot and a tombstone
 * read back as the catalog sent them; anything else, or beyond the contract's bounds, is
 * unreadable.
 */
class CatalogRecordTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final UUID book = UUID.randomUUID();

	@Test
	void aSnapshotIsTheBookWithItsVersionAndWhoChangedIt() {
		CatalogRecord change = CatalogRecord.read(JSON,
				record(book.toString(), snapshot(book, "A title", "\"An Author\"")));

		assertThat(change.bookId()).isEqualTo(book);
		assertThat(change.actor()).isEqualTo("librarian");
		assertThat(change.removed()).isFalse();
		assertThat(change.book())
			.isEqualTo(new CatalogRecord.Book(2, "9780441478125", "A title", List.of("An Author")));
	}

	@Test
	void aTombstoneIsTheBookRemoved() {
		CatalogRecord change = CatalogRecord.read(JSON, record(book.toString(), null));

		assertThat(change.removed()).isTrue();
		assertThat(change.bookId()).isEqualTo(book);
	}

	@Test
	void whatIsNotABookSnapshotIsUnreadableWithItsReason() {
		unreadable(record("not-an-id", "{}"), "key is not an id");
		unreadable(record(book.toString(), "{ not json"), "value is not JSON");
		unreadable(record(book.toString(), snapshot(UUID.randomUUID(), "A title", "\"A\"")), "not the snapshot of");
		unreadable(record(book.toString(), snapshot(book, "x".repeat(501), "\"A\"")), "title is longer than 500");
		unreadable(record(book.toString(), snapshot(book, "A \\u0007 bell", "\"A\"")), "control characters");
		unreadable(record(book.toString(), snapshot(book, "A title", "")), "1 to 50 authors");
		unreadable(record(book.toString(), snapshot(book, "A title", "\"A\\u0000\"")), "without control characters");
		unreadable(
				record(book.toString(), snapshot(book, "A title", "\"A\"").replace("\"version\":2", "\"version\":-1")),
				"no version");
	}

	private void unreadable(ConsumerRecord<String, String> record, String reason) {
		assertThatThrownBy(() -> CatalogRecord.read(JSON, record)).as(reason)
			.isInstanceOf(UnreadableRecord.class)
			.hasMessageContaining(reason);
	}

	private static String snapshot(UUID id, String title, String authors) {
		return """
				{"id":"%s","isbn":"9780441478125","title":"%s","authors":[%s],"version":2}""".formatted(id, title,
				authors);
	}

	private static ConsumerRecord<String, String> record(String key, String value) {
		ConsumerRecord<String, String> record = new ConsumerRecord<>(Topics.CATALOG_BOOKS, 0, 0, key, value);
		record.headers().add(new RecordHeader(CloudEventHeaders.ACTOR, "librarian".getBytes(StandardCharsets.UTF_8)));
		return record;
	}

}
