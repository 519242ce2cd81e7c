package org.library.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An audit event as the trail holds it: what the query API answers.
 *
 * @param traceId the W3C trace the change was made in, or {@code null}
 */
public record RecordedEvent(UUID id, Instant occurredAt, String source, String actor, String action, String entityType,
		String entityId, Map<String, Object> details, String traceId, Instant recordedAt) {
}
