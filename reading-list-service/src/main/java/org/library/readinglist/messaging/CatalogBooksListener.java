package org.library.readinglist.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.library.platform.kafka.Records;
import org.library.platform.kafka.UnreadableRecord;
import org.library.readinglist.ReadingLists;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the service's catalog copy from the catalog's compacted topic, from the beginning, in its own consumer
 * group: a snapshot upserts the book's isbn, title and authors, a tombstone flags it removed. A record that is
 * not a book snapshot goes to the dead-letter topic.
 */
@Component
class CatalogBooksListener {

	static final String TOPIC = "library.catalog.books";

	private final ReadingLists readingLists;

	private final JsonMapper json;

	CatalogBooksListener(ReadingLists readingLists, JsonMapper json) {
		this.readingLists = readingLists;
		this.json = json;
	}

	@KafkaListener(topics = TOPIC)
	void on(ConsumerRecord<String, String> record) {
		UUID bookId = Records.idKey(record);
		if (record.value() == null) {
			readingLists.catalogRemoved(bookId);
			return;
		}
		JsonNode book = Records.snapshot(json, record, bookId);
		readingLists.catalogSnapshot(bookId, book.path("version").asLong(0), text(book, "isbn", 13),
				text(book, "title", 500), authors(book));
	}

	/** Bounded as the catalog's contract bounds it, so no producer can store more than a book's description. */
	private static String text(JsonNode book, String field, int maxLength) {
		String value = book.path(field).asString(null);
		if (value == null || value.isBlank()) {
			throw new UnreadableRecord("the book snapshot has no " + field);
		}
		if (value.length() > maxLength) {
			throw new UnreadableRecord("the book snapshot's " + field + " is longer than " + maxLength);
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
			if (!author.isString() || author.asString().isBlank() || author.asString().length() > 200) {
				throw new UnreadableRecord("each author must be text of 1 to 200 characters");
			}
			names.add(author.asString());
		}
		return names;
	}

}
