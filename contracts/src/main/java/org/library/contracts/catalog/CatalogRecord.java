package org.library.contracts.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.library.contracts.CloudEventHeaders;
import org.library.contracts.Records;
import org.library.contracts.Topics;
import org.library.contracts.UnreadableRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One record of {@link Topics#CATALOG_BOOKS}, read the one way every consumer reads it:
 * the book it is about, who changed it ({@link CloudEventHeaders#ACTOR}), and the book as
 * the catalog now describes it, or nothing when the book was removed (a tombstone).
 * Anything else, or a description beyond the contract's bounds, is an
 * {@link UnreadableRecord}: no producer can make a consumer store more than a book's
 * description.
 *
 * @param bookId the record's key
 * @param actor who made the change, or {@code null}
 * @param book the book's current description; {@code null} when it was removed
 */
public record CatalogRecord(UUID bookId, String actor, Book book) {

	/** What the catalog publishes of a book that its consumers keep. */
	public record Book(long version, String isbn, String title, List<String> authors) {
	}

	public boolean removed() {
		return book == null;
	}

	public static CatalogRecord read(JsonMapper json, ConsumerRecord<String, String> record) {
		UUID bookId = Records.idKey(record);
		String actor = Records.header(record, CloudEventHeaders.ACTOR);
		if (record.value() == null) {
			return new CatalogRecord(bookId, actor, null);
		}
		JsonNode snapshot = Records.snapshot(json, record, bookId);
		String isbn = text(snapshot, "isbn", 13);
		String title = text(snapshot, "title", 500);
		List<String> authors = authors(snapshot);
		JsonNode version = snapshot.path("version");
		if (!version.isIntegralNumber() || version.asLong() < 0) {
			throw new UnreadableRecord("the book snapshot has no version");
		}
		return new CatalogRecord(bookId, actor, new Book(version.asLong(), isbn, title, authors));
	}

	private static String text(JsonNode book, String field, int maxLength) {
		String value = book.path(field).asString(null);
		if (value == null || value.isBlank()) {
			throw new UnreadableRecord("the book snapshot has no " + field);
		}
		if (value.length() > maxLength) {
			throw new UnreadableRecord("the book snapshot's " + field + " is longer than " + maxLength);
		}
		if (Records.hasControlCharacters(value)) {
			throw new UnreadableRecord("the book snapshot's " + field + " holds control characters");
		}
		return value;
	}

	private static List<String> authors(JsonNode book) {
		JsonNode authors = book.path("authors");
		if (!authors.isArray() || authors.isEmpty() || authors.size() > 50) {
			throw new UnreadableRecord("the book snapshot needs 1 to 50 authors");
		}
		List<String> names = new ArrayList<>();
		for (JsonNode author : authors) {
			if (!author.isString() || author.asString().isBlank() || author.asString().length() > 200
					|| Records.hasControlCharacters(author.asString())) {
				throw new UnreadableRecord(
						"each author must be text of 1 to 200 characters, without control characters");
			}
			names.add(author.asString());
		}
		return List.copyOf(names);
	}

}
