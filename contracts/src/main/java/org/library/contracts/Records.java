package org.library.contracts;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading the suite's records the same way in every consumer: keys are entity ids, values
 * JSON snapshots of the entity with that id, and anything else is an
 * {@link UnreadableRecord}.
 */
public final class Records {

	private Records() {
	}

	/** The record's key as the id of the entity it is about. */
	public static UUID idKey(ConsumerRecord<String, ?> record) {
		try {
			return UUID.fromString(record.key());
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new UnreadableRecord("key is not an id: " + record.key());
		}
	}

	/**
	 * The record's value as the JSON snapshot of entity {@code id}: an object whose
	 * {@code id} is the key.
	 */
	public static JsonNode snapshot(JsonMapper json, ConsumerRecord<String, String> record, UUID id) {
		JsonNode snapshot;
		try {
			snapshot = json.readTree(record.value());
		}
		catch (JacksonException ex) {
			throw new UnreadableRecord("value is not JSON: " + ex.getOriginalMessage(), ex);
		}
		if (!snapshot.isObject() || !id.toString().equals(snapshot.path("id").asString(null))) {
			throw new UnreadableRecord("value is not the snapshot of " + id);
		}
		return snapshot;
	}

	/**
	 * Whether {@code text} holds a control character (NUL, a line break, ESC, ...): no
	 * field of ours may.
	 */
	public static boolean hasControlCharacters(String text) {
		return text.chars().anyMatch(Character::isISOControl);
	}

	/** A header's text, or {@code null} when the record does not carry it. */
	public static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

}
