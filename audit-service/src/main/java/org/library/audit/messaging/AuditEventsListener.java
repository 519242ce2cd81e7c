package org.library.audit.messaging;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.library.audit.AuditLog;
import org.library.platform.audit.AuditEvent;
import org.library.platform.kafka.ConsumerFailures;
import org.library.platform.kafka.Records;
import org.library.platform.kafka.UnreadableRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Stores each poll of the services' audit topics with one INSERT. The service an event
 * came from is the topic it came on ({@link AuditSources}), never what the event says of
 * itself.
 *
 * <p>
 * A record that is not a valid audit event, or whose data the database refuses (SQLState
 * class 22 or 23), is poison: the events before it are stored, it goes to the dead-letter
 * topic with the reason, and the records after it are delivered again. Every field is
 * checked before it reaches Postgres, so a refusal is rare; when a batch is refused all
 * the same, its events are stored one by one to find the one that is. A database that is
 * away is a fault, waited out and the batch delivered again. Redelivered events are
 * skipped by their id, so at-least-once delivery ends in exactly one row per event.
 */
@Component
class AuditEventsListener {

	static final int MAX_TEXT = 200;

	/** The largest {@code details} the trail keeps, as JSON. */
	static final int MAX_DETAILS = 16 * 1024;

	/** How deep {@code details} may nest. */
	static final int MAX_DEPTH = 8;

	private static final Pattern TRACE_ID = Pattern.compile(AuditEvent.TRACE_ID_FORMAT);

	private final AuditLog log;

	private final AuditSources sources;

	private final JsonMapper json;

	private final Counter ingested;

	private final Counter redelivered;

	AuditEventsListener(AuditLog log, AuditSources sources, JsonMapper json, MeterRegistry metrics) {
		this.log = log;
		this.sources = sources;
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

	@KafkaListener(topics = "#{@auditSources.topics()}", batch = "true")
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
	 * A failure to store is a fault, reported against the batch's first record, so the
	 * error handler waits it out and redelivers the batch from there, rather than
	 * retrying this batch as a whole and dead-lettering all of it when a later try stops
	 * at an unreadable record. Only a refusal of one event's data is that event's fault.
	 */
	private void store(List<AuditEvent> events) {
		try {
			count(events.size(), log.append(events));
		}
		catch (RuntimeException ex) {
			String refusal = ConsumerFailures.dataRefusal(ex);
			if (refusal == null) {
				throw new BatchListenerFailedException("the batch could not be stored", ex, 0);
			}
			if (events.size() == 1) {
				throw refused(refusal, ex, 0);
			}
			storeOneByOne(events);
		}
	}

	private void storeOneByOne(List<AuditEvent> events) {
		for (int index = 0; index < events.size(); index++) {
			try {
				count(1, log.append(List.of(events.get(index))));
			}
			catch (RuntimeException ex) {
				String refusal = ConsumerFailures.dataRefusal(ex);
				if (refusal == null) {
					throw new BatchListenerFailedException("the batch could not be stored", ex, 0);
				}
				throw refused(refusal, ex, index);
			}
		}
	}

	private static BatchListenerFailedException refused(String refusal, RuntimeException ex, int index) {
		String reason = "the database refused the event's data: " + refusal;
		return new BatchListenerFailedException(reason, new UnreadableRecord(reason, ex), index);
	}

	private void count(int delivered, int stored) {
		ingested.increment(stored);
		redelivered.increment(delivered - stored);
	}

	private AuditEvent read(ConsumerRecord<String, String> record) {
		String source = sources.sourceOf(record.topic());
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
		if (!withinYearsOneToNineThousand(event.occurredAt())) {
			throw new UnreadableRecord("occurredAt must fall in the years 1 to 9999");
		}
		if (event.source() != null && !event.source().equals(source)) {
			throw new UnreadableRecord("the event claims to come from " + event.source() + " but came on the audit "
					+ "topic of " + source);
		}
		if (event.traceId() != null && !TRACE_ID.matcher(event.traceId()).matches()) {
			throw new UnreadableRecord("traceId must be a W3C trace id: 32 lowercase hex digits");
		}
		for (String text : new String[] { event.actor(), event.action(), event.entityType(), event.entityId() }) {
			if (text == null || text.isBlank() || text.length() > MAX_TEXT || Records.hasControlCharacters(text)) {
				throw new UnreadableRecord("actor, action, entityType and entityId must each be 1 to " + MAX_TEXT
						+ " characters, without control characters");
			}
		}
		Map<String, Object> details = event.details() == null ? Map.of() : event.details();
		checkDetails(details, 1);
		if (json.writeValueAsString(details).length() > MAX_DETAILS) {
			throw new UnreadableRecord("details must be at most " + MAX_DETAILS + " characters of JSON");
		}
		return new AuditEvent(event.id(), event.occurredAt(), source, event.actor(), event.action(), event.entityType(),
				event.entityId(), details, event.traceId());
	}

	/**
	 * Postgres keeps no NUL in a jsonb text, and nothing of ours nests deeper than a few
	 * levels.
	 */
	private static void checkDetails(Object value, int depth) {
		if (depth > MAX_DEPTH) {
			throw new UnreadableRecord("details must nest at most " + MAX_DEPTH + " levels deep");
		}
		if (value instanceof Map<?, ?> map) {
			map.forEach((key, inner) -> {
				if (String.valueOf(key).indexOf('\u0000') >= 0) {
					throw new UnreadableRecord("details must not hold the NUL character (\\u0000)");
				}
				checkDetails(inner, depth + 1);
			});
		}
		else if (value instanceof List<?> list) {
			list.forEach(inner -> checkDetails(inner, depth + 1));
		}
		else if (value instanceof String text && text.indexOf('\u0000') >= 0) {
			throw new UnreadableRecord("details must not hold the NUL character (\\u0000)");
		}
	}

	private static boolean withinYearsOneToNineThousand(Instant time) {
		int year = time.atOffset(ZoneOffset.UTC).getYear();
		return year >= 1 && year <= 9999;
	}

}
