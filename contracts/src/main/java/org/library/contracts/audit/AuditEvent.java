package org.library.contracts.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.library.contracts.Records;
import org.library.contracts.Topics;
import org.library.contracts.UnreadableRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One entry of the audit trail, the value of a record on a service's audit topic
 * ({@link Topics#auditTopicOf(String)}).
 *
 * @param id unique per event; the audit service stores each id once
 * @param source the service that made the change
 * @param actor who asked for it: the subject of the caller's token (a person's username,
 * a machine client's id)
 * @param action what happened, past tense: {@code LoanOpened}
 * @param entityType what kind of thing changed: {@code Book}
 * @param entityId which one; also the record's key
 * @param details what else is worth knowing, e.g. how many copies; a reader it names goes
 * under {@code reader} or {@code readerId}, which the trail, like the actor, keeps as a
 * personal name: apart from the event, as a salted hash, erasable
 * @param traceId the W3C trace the change was made in (32 hex digits): the request that
 * caused it, followed through every service and record it passed; {@code null} when it
 * was made outside any trace
 */
public record AuditEvent(UUID id, Instant occurredAt, String source, String actor, String action, String entityType,
		String entityId, Map<String, Object> details, String traceId) {

	/** The {@code ce_type} of every audit record. */
	public static final String TYPE = "org.library.audit.AuditEvent";

	/** What a {@link #traceId()} looks like: a W3C trace id, 32 lowercase hex digits. */
	public static final String TRACE_ID_FORMAT = "[0-9a-f]{32}";

	/** The longest actor, action, entity type or entity id. */
	public static final int MAX_TEXT = 200;

	/** The largest {@code details} the trail keeps, as JSON. */
	public static final int MAX_DETAILS = 16 * 1024;

	/** How deep {@code details} may nest. */
	public static final int MAX_DEPTH = 8;

	private static final Pattern TRACE_ID = Pattern.compile(TRACE_ID_FORMAT);

	/**
	 * The event a record on the audit topic of {@code source} holds, with that source:
	 * the topic says who sent it, and an event that claims another source is unreadable.
	 * So is anything outside the contract's bounds, checked here so that no producer can
	 * make the trail store what the database would refuse.
	 */
	public static AuditEvent read(JsonMapper json, String source, ConsumerRecord<String, String> record) {
		if (record.value() == null) {
			throw new UnreadableRecord("an audit event cannot be empty");
		}
		AuditEvent event;
		try {
			event = json.readValue(record.value(), AuditEvent.class);
		}
		catch (JacksonException ex) {
			throw new UnreadableRecord("not an audit event: " + ex.getOriginalMessage(), ex);
		}
		if (event.id() == null || event.occurredAt() == null) {
			throw new UnreadableRecord("an audit event needs an id and occurredAt");
		}
		if (!withinYearsOneToNineThousand(event.occurredAt())) {
			throw new UnreadableRecord("occurredAt must fall in the years 1 to 9999");
		}
		if (event.source() != null && !event.source().equals(source)) {
			throw new UnreadableRecord("the event claims to come from " + event.source() + " but came on the audit "
					+ "topic of " + source);
		}
		if (event.traceId() != null && !TRACE_ID.matcher(event.traceId()).matches()) {
			throw new UnreadableRecord("traceId must be a W3C trace id: 32 lowercase hex digits");
		}
		for (String text : new String[] { event.actor(), event.action(), event.entityType(), event.entityId() }) {
			if (text == null || text.isBlank() || text.length() > MAX_TEXT || Records.hasControlCharacters(text)) {
				throw new UnreadableRecord("actor, action, entityType and entityId must each be 1 to " + MAX_TEXT
						+ " characters, without control characters");
			}
		}
		Map<String, Object> details = event.details() == null ? Map.of() : event.details();
		checkDetails(details, 1);
		if (json.writeValueAsString(details).length() > MAX_DETAILS) {
			throw new UnreadableRecord("details must be at most " + MAX_DETAILS + " characters of JSON");
		}
		return new AuditEvent(event.id(), event.occurredAt(), source, event.actor(), event.action(), event.entityType(),
				event.entityId(), details, event.traceId());
	}

	/**
	 * Postgres keeps no NUL in a jsonb text, and nothing of ours nests deeper than a few
	 * levels.
	 */
	private static void checkDetails(Object value, int depth) {
		if (depth > MAX_DEPTH) {
			throw new UnreadableRecord("details must nest at most " + MAX_DEPTH + " levels deep");
		}
		if (value instanceof Map<?, ?> map) {
			map.forEach((key, inner) -> {
				if (String.valueOf(key).indexOf('\u0000') >= 0) {
					throw new UnreadableRecord("details must not hold the NUL character (\\u0000)");
				}
				checkDetails(inner, depth + 1);
			});
		}
		else if (value instanceof List<?> list) {
			list.forEach(inner -> checkDetails(inner, depth + 1));
		}
		else if (value instanceof String text && text.indexOf('\u0000') >= 0) {
			throw new UnreadableRecord("details must not hold the NUL character (\\u0000)");
		}
	}

	private static boolean withinYearsOneToNineThousand(Instant time) {
		int year = time.atOffset(ZoneOffset.UTC).getYear();
		return year >= 1 && year <= 9999;
	}

}
