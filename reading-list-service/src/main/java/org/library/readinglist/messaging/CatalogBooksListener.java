package org.library.readinglist.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.library.contracts.Topics;
import org.library.contracts.catalog.CatalogRecord;
import org.library.platform.kafka.ConsumerFailures;
import org.library.readinglist.ReadingLists;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the service's catalog replica from the catalog's compacted topic, from the
 * beginning, in its own consumer group: a snapshot upserts the book's isbn, title and
 * authors, a tombstone flags it removed. A record that is not a book snapshot goes to the
 * dead-letter topic.
 */
@Component
class CatalogBooksListener {

	private final ReadingLists readingLists;

	private final JsonMapper json;

	CatalogBooksListener(ReadingLists readingLists, JsonMapper json) {
		this.readingLists = readingLists;
		this.json = json;
	}

	/** The topic, and the redrive topic an operator sends its dead letters back to. */
	@KafkaListener(
			topics = { Topics.CATALOG_BOOKS, Topics.CATALOG_BOOKS + ".${spring.kafka.consumer.group-id}.redrive" })
	void on(ConsumerRecord<String, String> record) {
		CatalogRecord change = CatalogRecord.read(json, record);
		ConsumerFailures.store(() -> {
			if (change.removed()) {
				readingLists.catalogRemoved(change.bookId());
				return;
			}
			CatalogRecord.Book book = change.book();
			readingLists.catalogSnapshot(change.bookId(), book.version(), book.isbn(), book.title(), book.authors());
		});
	}

}
