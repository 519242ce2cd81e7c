package org.library.audit.messaging;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.library.audit.AuditLog;
import org.library.contracts.UnreadableRecord;
import org.library.contracts.audit.AuditEvent;
import org.library.platform.kafka.ConsumerFailures;
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
		return AuditEvent.read(json, sources.sourceOf(record.topic()), record);
	}

}
