package org.library.inventory.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.library.contracts.Topics;
import org.library.contracts.catalog.CatalogRecord;
import org.library.inventory.Inventory;
import org.library.platform.actor.Actor;
import org.library.platform.kafka.ConsumerFailures;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Follows the catalog's compacted topic from the beginning, in this service's own
 * consumer group: a snapshot makes the book known, a tombstone withdraws it. Both are
 * idempotent, so a redelivery or a replay of the whole topic ends in the same rows. A
 * record that is not a book snapshot goes to the dead-letter topic.
 */
@Component
class CatalogBooksListener {

	private final Inventory inventory;

	private final JsonMapper json;

	CatalogBooksListener(Inventory inventory, JsonMapper json) {
		this.inventory = inventory;
		this.json = json;
	}

	/** The topic, and the redrive topic an operator sends its dead letters back to. */
	@KafkaListener(
			topics = { Topics.CATALOG_BOOKS, Topics.CATALOG_BOOKS + ".${spring.kafka.consumer.group-id}.redrive" })
	void on(ConsumerRecord<String, String> record) {
		CatalogRecord change = CatalogRecord.read(json, record);
		ConsumerFailures.store(() -> Actor.runAs(change.actor(), () -> {
			if (change.removed()) {
				inventory.bookRemoved(change.bookId());
			}
			else {
				inventory.bookPublished(change.bookId());
			}
		}));
	}

}
