package org.library.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.library.contracts.audit.AuditEvent;
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

	/**
	 * The advisory lock appends hold until they commit (an arbitrary number, the same in
	 * every instance).
	 */
	static final long APPEND_LOCK = 0x6C6962_417564L;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final MerkleLog tree;

	AuditLog(JdbcClient jdbc, JsonMapper json, MerkleLog tree) {
		this.jdbc = jdbc;
		this.json = json;
		this.tree = tree;
	}

	/**
	 * Stores the events in one statement; an event whose id is already stored is skipped,
	 * not an error.
	 *
	 * <p>
	 * Appends take one lock, so however many instances ingest, they commit one after
	 * another and the recording order ({@code seq}, and the place in the Merkle log) is
	 * the commit order: once a row is visible, no row with a lower {@code seq} can appear
	 * later, and a reader paging by {@code seq} never misses one. The log's tree grows in
	 * the same transaction ({@link MerkleLog#grow()}).
	 * @return how many were new
	 */
	@Transactional
	public int append(List<AuditEvent> events) {
		if (events.isEmpty()) {
			return 0;
		}
		jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(APPEND_LOCK).query().singleValue();
		int size = events.size();
		UUID[] ids = new UUID[size];
		Timestamp[] occurred = new Timestamp[size];
		String[] sources = new String[size];
		String[] actors = new String[size];
		String[] actions = new String[size];
		String[] entityTypes = new String[size];
		String[] entityIds = new String[size];
		String[] details = new String[size];
		String[] traces = new String[size];
		for (int i = 0; i < size; i++) {
			AuditEvent event = events.get(i);
			ids[i] = event.id();
			occurred[i] = Timestamp.from(event.occurredAt());
			sources[i] = event.source();
			actors[i] = event.actor();
			actions[i] = event.action();
			entityTypes[i] = event.entityType();
			entityIds[i] = event.entityId();
			details[i] = json.writeValueAsString(event.details() == null ? Map.of() : event.details());
			traces[i] = event.traceId();
		}
		// redelivered events, and one delivered twice in a batch, are left out before the
		// insert rather than
		// skipped by it: each row inserted takes the next place in the log, and a place
		// once taken is never
		// given back
		int stored = jdbc
			.sql("""
					INSERT INTO audit_event (id, occurred_at, source, actor, action, entity_type, entity_id, details, trace_id)
					SELECT id, occurred_at, source, actor, action, entity_type, entity_id, details::jsonb, trace_id
					  FROM (SELECT DISTINCT ON (id) *
					          FROM unnest(?::uuid[], ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[],
					                      ?::text[], ?::text[], ?::text[])
					               WITH ORDINALITY
					               AS e(id, occurred_at, source, actor, action, entity_type, entity_id, details,
					                    trace_id, arrival)
					         ORDER BY id, arrival) AS firsts
					 WHERE NOT EXISTS (SELECT 1 FROM audit_event stored WHERE stored.id = firsts.id)
					 ORDER BY arrival""")
			.params(ids, occurred, sources, actors, actions, entityTypes, entityIds, details, traces)
			.update();
		tree.grow();
		return stored;
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
				+ "entity_id, details::text AS details, trace_id, recorded_at FROM audit_event WHERE true");
		List<Object> params = new ArrayList<>();
		equal(sql, params, "source", query.source());
		equal(sql, params, "action", query.action());
		equal(sql, params, "entity_type", query.entityType());
		equal(sql, params, "entity_id", query.entityId());
		equal(sql, params, "actor", query.actor());
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

	record Sql(String text, List<Object> params) {
	}

	private static void equal(StringBuilder sql, List<Object> params, String column, String value) {
		if (value != null) {
			sql.append(" AND ").append(column).append(" = ?");
			params.add(value);
		}
	}

	private Positioned positioned(ResultSet row) throws SQLException {
		return new Positioned(row.getLong("seq"),
				new RecordedEvent(row.getObject("id", UUID.class), row.getTimestamp("occurred_at").toInstant(),
						row.getString("source"), row.getString("actor"), row.getString("action"),
						row.getString("entity_type"), row.getString("entity_id"),
						json.readValue(row.getString("details"), DETAILS), row.getString("trace_id"),
						row.getTimestamp("recorded_at").toInstant()));
	}

	private record Positioned(long seq, RecordedEvent event) {
	}

}
