package org.library.platform.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.library.platform.actor.Actor;
import org.library.platform.outbox.Outbox;
import org.library.platform.trace.CurrentTrace;

import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records an audit event through the outbox: stored with the change, relayed after commit
 * to the service's own audit topic, {@code library.audit.<service>}, which no other
 * principal may write. The service never waits for the audit service, and keeps working
 * while it or Kafka is away.
 */
public class AuditTrail {

	/**
	 * What every audit topic's name starts with; the rest is the name of the one service
	 * that writes it.
	 */
	public static final String TOPIC_PREFIX = "library.audit.";

	static final String TYPE = "org.library.audit.AuditEvent";

	private final Outbox outbox;

	private final String source;

	private final Clock clock;

	private final CurrentTrace trace;

	AuditTrail(Outbox outbox, String source, Clock clock, CurrentTrace trace) {
		this.outbox = outbox;
		this.source = source;
		this.clock = clock;
		this.trace = trace;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String action, String entityType, String entityId, Map<String, Object> details) {
		AuditEvent event = new AuditEvent(UUID.randomUUID(), Instant.now(clock).truncatedTo(ChronoUnit.MICROS), source,
				Actor.current(), action, entityType, entityId, Map.copyOf(details), trace.traceId());
		outbox.publish(topicOf(source), entityId, TYPE, event, event.id());
	}

	/** The action of an operator's redrive of dead letters. */
	public static final String DEAD_LETTERS_REDRIVEN = "DeadLettersRedriven";

	/** What a redrive changed: a dead-letter topic, named by its entity id. */
	public static final String DEAD_LETTER_TOPIC = "DeadLetterTopic";

	/** How many were redriven, the first hundred of them, and where they were sent. */
	public static Map<String, Object> redriveDetails(String target, List<String> records) {
		return Map.of("count", records.size(), "redriveTopic", target, "records",
				List.copyOf(records.subList(0, Math.min(records.size(), 100))));
	}

	/**
	 * The audit topic of {@code source}: only that service writes it, so it says who sent
	 * what is on it.
	 */
	public static String topicOf(String source) {
		return TOPIC_PREFIX + source;
	}

}
