package org.library.inventory.messaging;

import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.library.inventory.Inventory;
import org.library.platform.kafka.Records;
import org.library.platform.actor.Actor;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Follows the catalog's compacted topic from the beginning, in this service's own consumer group: a snapshot
 * makes the book known, a tombstone withdraws it. Both are idempotent, so a redelivery or a replay of the
 * whole topic ends in the same rows. A record that is not a book snapshot goes to the dead-letter topic.
 */
@Component
class CatalogBooksListener {

	static final String TOPIC = "library.catalog.books";

	private final Inventory inventory;

	private final JsonMapper json;

	CatalogBooksListener(Inventory inventory, JsonMapper json) {
		this.inventory = inventory;
		this.json = json;
	}

	@KafkaListener(topics = TOPIC)
	void on(ConsumerRecord<String, String> record) {
		UUID bookId = Records.idKey(record);
		Actor.runAs(Records.header(record, "ce_actor"), () -> {
			if (record.value() == null) {
				inventory.bookRemoved(bookId);
			}
			else {
				Records.snapshot(json, record, bookId);
				inventory.bookPublished(bookId);
			}
		});
	}

}
