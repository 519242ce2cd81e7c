package org.library.audit.messaging;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.library.audit.AuditLog;
import org.library.platform.audit.AuditEvent;
import org.library.platform.audit.AuditTrail;
import org.library.platform.kafka.UnreadableRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Stores each poll of library.audit with one INSERT. A record that is not a valid audit event stops the batch
 * there: the events before it are stored, it goes to the dead-letter topic with the reason, and the records
 * after it are delivered again. A database that fails is waited out and the batch delivered again. Redelivered
 * events are skipped by their id, so at-least-once delivery ends in exactly one row per event.
 */
@Component
class AuditEventsListener {

	static final int MAX_TEXT = 200;

	private final AuditLog log;

	private final JsonMapper json;

	AuditEventsListener(AuditLog log, JsonMapper json) {
		this.log = log;
		this.json = json;
	}

	@KafkaListener(topics = AuditTrail.TOPIC, batch = "true")
	void on(List<ConsumerRecord<String, String>> records) {
		List<AuditEvent> events = new ArrayList<>(records.size());
		for (int index = 0; index < records.size(); index++) {
			try {
				events.add(read(records.get(index)));
			}
			catch (UnreadableRecord ex) {
				store(events);
				throw new BatchListenerFailedException(ex.getMessage(), ex, index);
			}
		}
		store(events);
	}

	/**
	 * A failure to store is a fault, never poison: it is reported against the batch's first record, so the error
	 * handler waits it out and redelivers the batch from there, rather than retrying this batch as a whole and
	 * dead-lettering all of it when a later try stops at an unreadable record.
	 */
	private void store(List<AuditEvent> events) {
		try {
			log.append(events);
		}
		catch (RuntimeException ex) {
			throw new BatchListenerFailedException("the batch could not be stored", ex, 0);
		}
	}

	private AuditEvent read(ConsumerRecord<String, String> record) {
		if (record.value() == null) {
			throw new UnreadableRecord("an audit event cannot be empty");
		}
		AuditEvent event;
		try {
			event = json.readValue(record.value(), AuditEvent.class);
		}
		catch (JacksonException ex) {
			throw new UnreadableRecord("not an audit event: " + ex.getOriginalMessage(), ex);
		}
		if (event.id() == null || event.occurredAt() == null) {
			throw new UnreadableRecord("an audit event needs an id and occurredAt");
		}
		for (String text : new String[] { event.source(), event.actor(), event.action(), event.entityType(),
				event.entityId() }) {
			if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
				throw new UnreadableRecord("source, actor, action, entityType and entityId must each be 1 to "
						+ MAX_TEXT + " characters");
			}
		}
		return event;
	}

}
