package org.library.platform.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One entry of the audit trail, the value of a {@code library.audit} record.
 *
 * @param id unique per event; the audit service stores each id once
 * @param source the service that made the change
 * @param actor who asked for it: the subject of the caller's token (a person's username,
 * a machine client's id)
 * @param action what happened, past tense: {@code CopyCheckedOut}
 * @param entityType what kind of thing changed: {@code Book}
 * @param entityId which one; also the record's key
 * @param details what else is worth knowing, e.g. how many copies
 * @param traceId the W3C trace the change was made in (32 hex digits): the request that
 * caused it, followed through every service and record it passed; {@code null} when it
 * was made outside any trace
 */
public record AuditEvent(UUID id, Instant occurredAt, String source, String actor, String action, String entityType,
		String entityId, Map<String, Object> details, String traceId) {

	/** What a {@link #traceId()} looks like: a W3C trace id, 32 lowercase hex digits. */
	public static final String TRACE_ID_FORMAT = "[0-9a-f]{32}";

}
