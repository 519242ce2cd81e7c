package org.library.audit.messaging;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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

	private static final java.util.regex.Pattern TRACE_ID = java.util.regex.Pattern.compile(AuditEvent.TRACE_ID_FORMAT);

	private final AuditLog log;

	private final JsonMapper json;

	private final Counter ingested;

	private final Counter redelivered;

	AuditEventsListener(AuditLog log, JsonMapper json, MeterRegistry metrics) {
		this.log = log;
		this.json = json;
		this.ingested = Counter.builder("library.audit.ingested")
			.description("Audit events stored in the trail")
			.baseUnit("events")
			.register(metrics);
		this.redelivered = Counter.builder("library.audit.redelivered")
			.description("Audit events delivered again and skipped, their id already stored")
			.baseUnit("events")
			.register(metrics);
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
		int stored;
		try {
			stored = log.append(events);
		}
		catch (RuntimeException ex) {
			throw new BatchListenerFailedException("the batch could not be stored", ex, 0);
		}
		ingested.increment(stored);
		redelivered.increment(events.size() - stored);
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
		if (event.traceId() != null && !TRACE_ID.matcher(event.traceId()).matches()) {
			throw new UnreadableRecord("traceId must be a W3C trace id: 32 lowercase hex digits");
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
