package org.library.inventory.messaging;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.library.inventory.Inventory;
import org.library.platform.kafka.UnreadableRecord;
import org.library.platform.web.Actor;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
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
		UUID bookId = bookId(record.key());
		Actor.runAs(header(record, "ce_actor"), () -> {
			if (record.value() == null) {
				inventory.bookRemoved(bookId);
			}
			else {
				checkSnapshot(bookId, record.value());
				inventory.bookPublished(bookId);
			}
		});
	}

	private static UUID bookId(String key) {
		try {
			return UUID.fromString(key);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new UnreadableRecord("key is not a book id: " + key);
		}
	}

	private void checkSnapshot(UUID bookId, String value) {
		JsonNode snapshot;
		try {
			snapshot = json.readTree(value);
		}
		catch (JacksonException ex) {
			throw new UnreadableRecord("value is not JSON: " + ex.getOriginalMessage(), ex);
		}
		if (!snapshot.isObject() || !bookId.toString().equals(snapshot.path("id").asString(null))) {
			throw new UnreadableRecord("value is not the snapshot of book " + bookId);
		}
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

}
