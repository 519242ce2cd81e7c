package org.library.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.library.contracts.CloudEventHeaders;
import org.library.platform.actor.Actor;
import org.library.platform.trace.CurrentTrace;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Stores an event in the same database transaction as the change it describes;
 * {@link OutboxRelay} sends it to Kafka once that transaction has committed. No event
 * without its change, no change without its event.
 */
public class Outbox {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final OutboxRelay relay;

	private final String source;

	private final Clock clock;

	private final CurrentTrace trace;

	Outbox(JdbcClient jdbc, JsonMapper json, OutboxRelay relay, String source, Clock clock, CurrentTrace trace) {
		this.jdbc = jdbc;
		this.json = json;
		this.relay = relay;
		this.source = source;
		this.clock = clock;
		this.trace = trace;
	}

	/**
	 * Publishes {@code payload} as JSON under {@code key}, with the CloudEvents type
	 * {@code type}.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void publish(String topic, String key, String type, Object payload) {
		publish(topic, key, type, payload, UUID.randomUUID());
	}

	/**
	 * Publishes {@code payload} with a given CloudEvents id, for payloads that carry
	 * their own event id.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void publish(String topic, String key, String type, Object payload, UUID eventId) {
		store(topic, key, type, new String(json.writeValueAsBytes(payload), StandardCharsets.UTF_8), eventId);
	}

	/**
	 * Publishes a tombstone (a record with no value) under {@code key}: on a compacted
	 * topic it removes the key.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void publishTombstone(String topic, String key, String type) {
		store(topic, key, type, null, UUID.randomUUID());
	}

	private void store(String topic, String key, String type, String payload, UUID eventId) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.VERSION_1_0);
		headers.put(CloudEventHeaders.ID, eventId.toString());
		headers.put(CloudEventHeaders.SOURCE, source);
		headers.put(CloudEventHeaders.TYPE, type);
		headers.put(CloudEventHeaders.TIME, Instant.now(clock).toString());
		headers.put(CloudEventHeaders.ACTOR, Actor.current());
		if (payload != null) {
			headers.put("content-type", "application/json");
		}
		// the record continues the trace of the work that made it, not the relay's
		trace.injectInto(headers);
		jdbc.sql("INSERT INTO outbox_event (topic, record_key, payload, headers) VALUES (?, ?, ?, ?::jsonb)")
			.params(topic, key, payload, json.writeValueAsString(headers))
			.update();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				relay.wakeUp();
			}
		});
	}

}
