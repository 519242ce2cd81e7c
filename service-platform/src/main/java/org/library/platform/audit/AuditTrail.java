package org.library.platform.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.library.platform.actor.Actor;
import org.library.platform.outbox.Outbox;
import org.library.platform.trace.CurrentTrace;

import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records an audit event through the outbox: stored with the change, relayed to {@code library.audit} after
 * commit. The service never waits for the audit service, and keeps working while it or Kafka is away.
 */
public class AuditTrail {

	public static final String TOPIC = "library.audit";

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
		AuditEvent event = new AuditEvent(UUID.randomUUID(), Instant.now(clock).truncatedTo(ChronoUnit.MICROS),
				source, Actor.current(), action, entityType, entityId, Map.copyOf(details), trace.traceId());
		outbox.publish(TOPIC, entityId, TYPE, event, event.id());
	}

}
