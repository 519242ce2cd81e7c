package org.library.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.library.contracts.Topics;
import org.library.testsupport.TopicFeed;

/**
 * Plays the writing services in the audit service's tests: audit events on each one's own
 * audit topic, sent as that service's principal, as the shared publishing side sends
 * them. An event goes on the topic of the source it names; one that names none, or no
 * service, goes on the inventory's.
 */
final class AuditFeed implements AutoCloseable {

	static final String SOURCE = "book-inventory-service";

	static final String TOPIC = Topics.auditTopicOf(SOURCE);

	private static final Pattern SOURCE_FIELD = Pattern.compile("\"source\":\"([a-z-]+-service)\"");

	private final String bootstrapServers;

	private final Map<String, TopicFeed> feeds = new LinkedHashMap<>();

	AuditFeed(String bootstrapServers) {
		this.bootstrapServers = bootstrapServers;
	}

	static String event(UUID id, Instant occurredAt, String source, String actor, String action, String entityId) {
		return """
				{"id":"%s","occurredAt":"%s","source":"%s","actor":"%s","action":"%s","entityType":"Book",\
				"entityId":"%s","details":{"count":1}}""".formatted(id, occurredAt, source, actor, action, entityId);
	}

	UUID send(String entityId, String action, String actor) {
		UUID id = UUID.randomUUID();
		send(id, event(id, Instant.now(), SOURCE, actor, action, entityId), entityId);
		return id;
	}

	void send(UUID id, String json, String key) {
		feed(json).send(key, json, "org.library.audit.AuditEvent", "anyone", id);
	}

	Future<?> sendAsync(UUID id, String json, String key) {
		return feed(json).sendAsync(key, json, "org.library.audit.AuditEvent", "anyone", id);
	}

	/** Sends as the inventory, whatever the value says. */
	void raw(String key, String value) {
		feedOf(SOURCE).send(key, value, "org.library.audit.AuditEvent", "prankster");
	}

	private TopicFeed feed(String json) {
		Matcher source = SOURCE_FIELD.matcher(json);
		return feedOf(source.find() ? source.group(1) : SOURCE);
	}

	private TopicFeed feedOf(String service) {
		return feeds.computeIfAbsent(service, name -> new TopicFeed(bootstrapServers, Topics.auditTopicOf(name), name,
				Map.of("cleanup.policy", "delete")));
	}

	void flush() {
		feeds.values().forEach(TopicFeed::flush);
	}

	@Override
	public void close() {
		feeds.values().forEach(TopicFeed::close);
	}

}
