package org.library.audit;

import java.time.Instant;

/**
 * A question to the trail: every filter optional, newest first, {@code limit} at a time,
 * after {@code cursor}.
 *
 * @param after the recording position the previous page ended at, or {@code null} for the
 * first page
 */
public record AuditQuery(String source, String action, String entityType, String entityId, String actor, String traceId,
		Instant from, Instant to, int limit, Long after) {
}
