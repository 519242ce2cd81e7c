package org.library.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

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
				    RETURNING id, seq, occurred_at),
				named AS (
				    INSERT INTO personal_name (event_id, field, seq, occurred_at, name, salt)
				    SELECT n.event_id, n.field, placed.seq, placed.occurred_at, n.name, n.salt
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
	 *
	 * <p>
	 * The page is cut first, from the indexes alone: each holds the event's month
	 * ({@code occurred_at}), so the newest {@code seq}s of every month merge in order
	 * without reading a row, and only the page's rows are fetched, each from its own
	 * month. A window keeps to its months, and within them to the seqs its hours hold
	 * ({@code event_hour}). Two or three of source, action and entity type that no event
	 * has together are answered from {@code event_kind} in one lookup, rather than by
	 * reading an index for rows that never match.
	 */
	Sql sql(AuditQuery query) {
		StringBuilder page = new StringBuilder("SELECT seq, occurred_at FROM audit_event WHERE true");
		List<Object> params = new ArrayList<>();
		equal(page, params, "source", query.source());
		equal(page, params, "action", query.action());
		equal(page, params, "entity_type", query.entityType());
		equal(page, params, "entity_id", query.entityId());
		if (query.actor() != null) {
			// the trail holds hashes: an actor is found by name, and an erased one no
			// more
			page.append(" AND (seq, occurred_at) IN (SELECT seq, occurred_at FROM personal_name"
					+ " WHERE field = 'actor' AND name = ?");
			params.add(query.actor());
			window(page, params, query);
			page.append(")");
		}
		equal(page, params, "trace_id", query.traceId());
		window(page, params, query);
		if (query.from() != null || query.to() != null) {
			// the seqs the window's events can have, from the hours it overlaps: the
			// indexes are entered there, not at the newest event of the month
			for (String bound : List.of("seq <= (SELECT coalesce(max(high_seq), 0)",
					"seq >= (SELECT coalesce(min(low_seq), 0)")) {
				page.append(" AND ").append(bound).append(" FROM event_hour WHERE true");
				range(page, params, query, "hour > ?::timestamptz - interval '1 hour'", "hour < ?");
				page.append(")");
			}
		}
		if (query.after() != null) {
			page.append(" AND seq < ?");
			params.add(query.after());
		}
		long kinds = Stream.of(query.source(), query.action(), query.entityType()).filter(Objects::nonNull).count();
		if (kinds >= 2) {
			page.append(" AND EXISTS (SELECT 1 FROM event_kind k WHERE true");
			equal(page, params, "k.source", query.source());
			equal(page, params, "k.action", query.action());
			equal(page, params, "k.entity_type", query.entityType());
			page.append(")");
		}
		// one more than asked: whether it exists says whether there is a next page
		page.append(" ORDER BY seq DESC LIMIT ?");
		params.add(query.limit() + 1);
		String sql = "SELECT e.id, e.seq, e.occurred_at, e.source, e.actor, e.action, e.entity_type, e.entity_id, "
				+ "e.details::text AS details, e.trace_id, e.recorded_at, " + NAMES + " FROM (" + page
				+ ") AS page JOIN audit_event e ON e.seq = page.seq AND e.occurred_at = page.occurred_at"
				+ " ORDER BY e.seq DESC";
		return new Sql(sql, params);
	}

	private static void window(StringBuilder sql, List<Object> params, AuditQuery query) {
		range(sql, params, query, "occurred_at >= ?", "occurred_at < ?");
	}

	/** The conditions on the query's {@code from} and {@code to}, those it has. */
	private static void range(StringBuilder sql, List<Object> params, AuditQuery query, String from, String to) {
		if (query.from() != null) {
			sql.append(" AND ").append(from);
			params.add(Timestamp.from(query.from()));
		}
		if (query.to() != null) {
			sql.append(" AND ").append(to);
			params.add(Timestamp.from(query.to()));
		}
	}

	/**
	 * The names the row {@code e} holds hashes of, as a JSON object from field to name.
	 */
	static final String NAMES = "(SELECT jsonb_object_agg(p.field, p.name) FROM personal_name p "
			+ "WHERE p.event_id = e.id)::text AS names";

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
