package org.library.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.library.contracts.audit.AuditEvent;
import org.library.verifier.PersonalName;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail in Postgres: appended to in batches, read newest first by keyset, never
 * changed.
 */
@Repository
public class AuditLog {

	private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
	};

	private static final TypeReference<Map<String, String>> NAME_MAP = new TypeReference<>() {
	};

	/**
	 * The advisory lock appends hold until they commit (an arbitrary number, the same in
	 * every instance).
	 */
	static final long APPEND_LOCK = 0x6C6962_417564L;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	AuditLog(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Stores the events in one statement; an event whose id is already stored is skipped,
	 * not an error.
	 *
	 * <p>
	 * Appends take one lock, so however many instances ingest, they commit one after
	 * another and the recording order ({@code seq}, and the place in the Merkle log) is
	 * the commit order: once a row is visible, no row with a lower {@code seq} can appear
	 * later, and a reader paging by {@code seq} never misses one. The Merkle log takes
	 * the stored events in after they commit ({@link LogIntegrator}), in the order of
	 * their places.
	 * @return how many were new
	 */
	@Transactional
	public int append(List<AuditEvent> events) {
		if (events.isEmpty()) {
			return 0;
		}
		jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(APPEND_LOCK).query().singleValue();
		// an event delivered twice in a batch is salted once: its names are stored with
		// the copy that is stored
		Map<UUID, AuditEvent> firsts = new LinkedHashMap<>();
		events.forEach(event -> firsts.putIfAbsent(event.id(), event));
		int size = firsts.size();
		UUID[] ids = new UUID[size];
		Timestamp[] occurred = new Timestamp[size];
		String[] sources = new String[size];
		String[] actors = new String[size];
		String[] actions = new String[size];
		String[] entityTypes = new String[size];
		String[] entityIds = new String[size];
		String[] details = new String[size];
		String[] traces = new String[size];
		List<UUID> namedEvents = new ArrayList<>();
		List<String> fields = new ArrayList<>();
		List<String> names = new ArrayList<>();
		List<byte[]> salts = new ArrayList<>();
		int i = 0;
		for (AuditEvent first : firsts.values()) {
			PersonalNames.Salted salted = PersonalNames.salt(first);
			AuditEvent event = salted.event();
			ids[i] = event.id();
			occurred[i] = Timestamp.from(event.occurredAt());
			sources[i] = event.source();
			actors[i] = event.actor();
			actions[i] = event.action();
			entityTypes[i] = event.entityType();
			entityIds[i] = event.entityId();
			details[i] = json.writeValueAsString(event.details());
			traces[i] = event.traceId();
			for (PersonalName name : salted.names()) {
				namedEvents.add(event.id());
				fields.add(name.field());
				names.add(name.name());
				salts.add(name.salt());
			}
			i++;
		}
		// redelivered events are left out before the insert rather than skipped by it:
		// each row inserted takes the next place in the log, and a place once taken is
		// never given back. Names are stored only for the events this statement stored,
		// so a redelivery can neither give an event a second salt nor bring back an
		// erased name.
		int stored = jdbc.sql("""
				WITH placed AS (
				    INSERT INTO audit_event (id, occurred_at, source, actor, action, entity_type, entity_id, details,
				                             trace_id)
				    SELECT id, occurred_at, source, actor, action, entity_type, entity_id, details::jsonb, trace_id
				      FROM unnest(?::uuid[], ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
				                  ?::text[], ?::text[])
				           WITH ORDINALITY
				           AS e(id, occurred_at, source, actor, action, entity_type, entity_id, details, trace_id,
				                arrival)
				     WHERE NOT EXISTS (SELECT 1 FROM audit_event stored WHERE stored.id = e.id)
				     ORDER BY arrival
				    RETURNING id, seq),
				named AS (
				    INSERT INTO personal_name (event_id, field, seq, name, salt)
				    SELECT n.event_id, n.field, placed.seq, n.name, n.salt
				      FROM unnest(?::uuid[], ?::text[], ?::text[], ?::bytea[]) AS n(event_id, field, name, salt)
				      JOIN placed ON placed.id = n.event_id
				    RETURNING 1)
				SELECT count(*) FROM placed""")
			.params(ids, occurred, sources, actors, actions, entityTypes, entityIds, details, traces,
					namedEvents.toArray(UUID[]::new), fields.toArray(String[]::new), names.toArray(String[]::new),
					salts.toArray(byte[][]::new))
			.query(Integer.class)
			.single();
		return stored;
	}

	/**
	 * Deletes every occurrence of a person's name, and its salt: the events then show
	 * {@value PersonalName#ERASED} in its place, and their leaves do not change.
	 * @return how many occurrences were erased
	 */
	@Transactional
	public int erase(String name) {
		return jdbc.sql("DELETE FROM personal_name WHERE name = ?").param(name).update();
	}

	@Transactional(readOnly = true)
	public AuditPage find(AuditQuery query) {
		Sql sql = sql(query);
		List<Positioned> rows = jdbc.sql(sql.text()).params(sql.params()).query((row, n) -> positioned(row)).list();
		boolean more = rows.size() > query.limit();
		List<Positioned> page = more ? rows.subList(0, query.limit()) : rows;
		return new AuditPage(page.stream().map(Positioned::event).toList(), more ? page.getLast().seq() : null);
	}

	/**
	 * Only the filters a query uses are in its SQL, so each can be served by its own
	 * index.
	 */
	Sql sql(AuditQuery query) {
		StringBuilder sql = new StringBuilder("SELECT id, seq, occurred_at, source, actor, action, entity_type, "
				+ "entity_id, details::text AS details, trace_id, recorded_at, " + NAMES
				+ " FROM audit_event WHERE true");
		List<Object> params = new ArrayList<>();
		equal(sql, params, "source", query.source());
		equal(sql, params, "action", query.action());
		equal(sql, params, "entity_type", query.entityType());
		equal(sql, params, "entity_id", query.entityId());
		if (query.actor() != null) {
			// the trail holds hashes: an actor is found by name, and an erased one no
			// more
			sql.append(" AND seq IN (SELECT seq FROM personal_name WHERE field = 'actor' AND name = ?)");
			params.add(query.actor());
		}
		equal(sql, params, "trace_id", query.traceId());
		if (query.from() != null) {
			sql.append(" AND occurred_at >= ?");
			params.add(Timestamp.from(query.from()));
		}
		if (query.to() != null) {
			sql.append(" AND occurred_at < ?");
			params.add(Timestamp.from(query.to()));
		}
		if (query.after() != null) {
			sql.append(" AND seq < ?");
			params.add(query.after());
		}
		// one more than asked: whether it exists says whether there is a next page
		sql.append(" ORDER BY seq DESC LIMIT ?");
		params.add(query.limit() + 1);
		return new Sql(sql.toString(), params);
	}

	/** The names an event's row holds hashes of, as a JSON object from field to name. */
	static final String NAMES = "(SELECT jsonb_object_agg(p.field, p.name) FROM personal_name p "
			+ "WHERE p.event_id = audit_event.id)::text AS names";

	record Sql(String text, List<Object> params) {
	}

	private static void equal(StringBuilder sql, List<Object> params, String column, String value) {
		if (value != null) {
			sql.append(" AND ").append(column).append(" = ?");
			params.add(value);
		}
	}

	private Positioned positioned(ResultSet row) throws SQLException {
		Map<String, String> names = names(json, row);
		return new Positioned(row.getLong("seq"),
				new RecordedEvent(row.getObject("id", UUID.class), row.getTimestamp("occurred_at").toInstant(),
						row.getString("source"), PersonalNames.actor(row.getString("actor"), names),
						row.getString("action"), row.getString("entity_type"), row.getString("entity_id"),
						PersonalNames.details(json.readValue(row.getString("details"), DETAILS), names),
						row.getString("trace_id"), row.getTimestamp("recorded_at").toInstant()));
	}

	static Map<String, String> names(JsonMapper json, ResultSet row) throws SQLException {
		String names = row.getString("names");
		return names == null ? Map.of() : json.readValue(names, NAME_MAP);
	}

	private record Positioned(long seq, RecordedEvent event) {
	}

}
