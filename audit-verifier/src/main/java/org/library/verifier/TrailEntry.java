package org.library.verifier;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One event of the audit trail as it is stored, and the leaf of the Merkle log it is: the
 * RFC 8785 canonical JSON of every stored field, the time the trail recorded it included.
 * Its place is not in the leaf: the tree commits to it, and so a leaf found at another
 * place is known for the same event, moved. Times are written to the microsecond, as
 * Postgres keeps them. Where the event names a person, the trail stores, and the leaf
 * holds, the salted hash of the name ({@link PersonalName}), never the name.
 *
 * @param index its place in the log, 0 for the first event ever recorded
 */
public record TrailEntry(long index, UUID id, Instant occurredAt, Instant recordedAt, String source, String actor,
		String action, String entityType, String entityId, Map<String, Object> details, String traceId) {

	private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
		.withZone(ZoneOffset.UTC);

	/** The leaf's bytes: what its hash is taken of. */
	public byte[] leaf() {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("id", id.toString());
		fields.put("occurredAt", MICROS.format(occurredAt));
		fields.put("recordedAt", MICROS.format(recordedAt));
		fields.put("source", source);
		fields.put("actor", actor);
		fields.put("action", action);
		fields.put("entityType", entityType);
		fields.put("entityId", entityId);
		fields.put("details", details == null ? Map.of() : details);
		fields.put("traceId", traceId);
		return CanonicalJson.write(fields).getBytes(StandardCharsets.UTF_8);
	}

	public byte[] leafHash() {
		return Merkle.leafHash(leaf());
	}

}
