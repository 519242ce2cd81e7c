package org.library.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;

import org.library.testsupport.TopicFeed;

/**
 * Plays the writing services in the audit service's tests: audit events on library.audit as the shared
 * publishing side sends them.
 */
final class AuditFeed implements AutoCloseable {

	static final String TOPIC = "library.audit";

	private final TopicFeed feed;

	AuditFeed(String bootstrapServers) {
		feed = new TopicFeed(bootstrapServers, TOPIC, "book-inventory-service", Map.of("cleanup.policy", "delete"));
	}

	static String event(UUID id, Instant occurredAt, String source, String actor, String action, String entityId) {
		return """
				{"id":"%s","occurredAt":"%s","source":"%s","actor":"%s","action":"%s","entityType":"Book",\
				"entityId":"%s","details":{"count":1}}""".formatted(id, occurredAt, source, actor, action, entityId);
	}

	UUID send(String entityId, String action, String actor) {
		UUID id = UUID.randomUUID();
		send(id, event(id, Instant.now(), "book-inventory-service", actor, action, entityId), entityId);
		return id;
	}

	void send(UUID id, String json, String key) {
		feed.send(key, json, "org.library.audit.AuditEvent", "anyone", id);
	}

	Future<?> sendAsync(UUID id, String json, String key) {
		return feed.sendAsync(key, json, "org.library.audit.AuditEvent", "anyone", id);
	}

	void raw(String key, String value) {
		feed.send(key, value, "org.library.audit.AuditEvent", "prankster");
	}

	void flush() {
		feed.flush();
	}

	@Override
	public void close() {
		feed.close();
	}

}
