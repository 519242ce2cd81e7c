package org.library.audit.messaging;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.library.audit.AuditLog;
import org.library.contracts.audit.AuditEvent;
import org.library.platform.actor.Actor;
import org.library.platform.audit.AuditTrail;
import org.library.platform.kafka.RedriveLog;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The audit service has no outbox to publish through: it records a redrive of its own
 * dead letters straight into the trail it owns, under the name of the operator who asked.
 */
@Component
class RedrivesInTheTrail implements RedriveLog {

	private final AuditLog log;

	private final String source;

	private final Clock clock;

	RedrivesInTheTrail(AuditLog log, @Value("${spring.application.name}") String source, Clock clock) {
		this.log = log;
		this.source = source;
		this.clock = clock;
	}

	@Override
	public void redriven(String deadLetterTopic, String target, List<String> records) {
		log.append(List.of(new AuditEvent(UUID.randomUUID(), Instant.now(clock).truncatedTo(ChronoUnit.MICROS), source,
				Actor.current(), AuditTrail.DEAD_LETTERS_REDRIVEN, AuditTrail.DEAD_LETTER_TOPIC, deadLetterTopic,
				AuditTrail.redriveDetails(target, records), null)));
	}

}
