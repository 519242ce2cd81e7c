package org.library.platform.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.library.contracts.Topics;
import org.library.contracts.audit.AuditEvent;
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
		outbox.publish(Topics.auditTopicOf(source), entityId, AuditEvent.TYPE, event, event.id());
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

}
