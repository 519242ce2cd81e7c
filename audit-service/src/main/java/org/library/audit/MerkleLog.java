package org.library.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.library.verifier.Merkle;
import org.library.verifier.NodeSource;
import org.library.verifier.PersonalName;
import org.library.verifier.TrailEntry;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail as a Merkle log (RFC 9162), kept in Postgres beside the trail: the hash
 * of every perfect subtree in {@code tree_node}, so that a root or a proof costs O(log n)
 * reads. The events' places are the database's ({@code tree_head} and its trigger); the
 * tree follows them a moment later ({@link LogIntegrator}), hashing each stored event as
 * {@link TrailEntry} writes its leaf, the same code the offline verifier runs.
 */
@Repository
public class MerkleLog {

	/**
	 * The most leaves one transaction of {@link #grow()} hashes: a long trail (one
	 * recorded before the log existed, or a burst) is taken in over several, oldest
	 * first.
	 */
	static final int CATCH_UP = 10_000;

	/**
	 * The advisory lock the tree grows under, so that however many instances integrate,
	 * each leaf is hashed once (an arbitrary number, the same in every instance).
	 */
	static final long GROW_LOCK = 0x6C6962_547265L;

	private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	MerkleLog(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Hashes up to {@value #CATCH_UP} of the events that have a place but no leaf yet,
	 * oldest first. The places are dense and given in commit order, so the tree grows in
	 * the trail's order whenever this runs; a place with no event (a row deleted before
	 * it was hashed) stops the tree there rather than hashing the next event into it.
	 * @return how many leaves it added
	 */
	@Transactional
	public int grow() {
		jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(GROW_LOCK).query().singleValue();
		long from = size();
		long placed = jdbc.sql("SELECT size FROM tree_head").query(Long.class).single();
		long until = Math.min(placed, from + CATCH_UP);
		long hashed = from;
		while (hashed < until) {
			long to = Math.min(until, hashed + 1_000);
			List<TrailEntry> entries = entries(hashed, to);
			for (int i = 0; i < to - hashed; i++) {
				if (i >= entries.size() || entries.get(i).index() != hashed + i) {
					throw new IllegalStateException(
							"the trail has no event at place " + (hashed + i) + ", and the tree stops before it");
				}
			}
			List<NodeSource.Node> nodes = Merkle.append(hashed, this::node,
					entries.stream().map(TrailEntry::leafHash).toList());
			int[] levels = new int[nodes.size()];
			long[] indexes = new long[nodes.size()];
			byte[][] hashes = new byte[nodes.size()][];
			for (int i = 0; i < nodes.size(); i++) {
				levels[i] = nodes.get(i).level();
				indexes[i] = nodes.get(i).index();
				hashes[i] = nodes.get(i).hash();
			}
			jdbc.sql("INSERT INTO tree_node (level, index, hash) "
					+ "SELECT * FROM unnest(?::smallint[], ?::bigint[], ?::bytea[])")
				.params(levels, indexes, hashes)
				.update();
			hashed = to;
		}
		return (int) (hashed - from);
	}

	/** How many events the tree holds: the size of its latest root. */
	@Transactional(readOnly = true)
	public long size() {
		return jdbc.sql("SELECT coalesce(max(index) + 1, 0) FROM tree_node WHERE level = 0").query(Long.class).single();
	}

	/**
	 * One past the last place an event is stored at: the log's size, unless someone
	 * placed rows the log did not.
	 */
	@Transactional(readOnly = true)
	public long extent() {
		return jdbc.sql("SELECT coalesce(max(leaf_index) + 1, 0) FROM audit_event").query(Long.class).single();
	}

	/** The root of the tree of its first {@code size} events. */
	@Transactional(readOnly = true)
	public byte[] root(long size) {
		return Merkle.root(size, this::node);
	}

	/**
	 * Where event {@code id} is in the tree of {@code size} (by default the latest), and
	 * the proof of it: at most log2 n hashes.
	 */
	@Transactional(readOnly = true)
	public Inclusion inclusion(UUID id, Long size) {
		long logSize = size();
		long treeSize = size == null ? logSize : size;
		if (treeSize < 1 || treeSize > logSize) {
			throw new LogRefusals.NoSuchTree("the log has a tree of 1 to " + logSize + " events, not " + treeSize,
					logSize);
		}
		Long index = jdbc.sql("SELECT leaf_index FROM audit_event WHERE id = ?")
			.param(id)
			.query(Long.class)
			.optional()
			.filter(place -> place < treeSize)
			.orElseThrow(() -> new LogRefusals.NotInTree("event " + id, treeSize));
		byte[] leaf = node(0, index);
		return new Inclusion(index, treeSize, leaf, Merkle.inclusionProof(index, treeSize, this::node));
	}

	/**
	 * The proof that the tree of {@code size1} is where the tree of {@code size2} began.
	 */
	@Transactional(readOnly = true)
	public List<byte[]> consistency(long size1, long size2) {
		long logSize = size();
		if (size1 < 1 || size1 > size2 || size2 > logSize) {
			throw new LogRefusals.NoSuchTree(
					"a consistency proof joins two trees of 1 to " + logSize + " events, the first no larger", logSize);
		}
		return consistencyProof(size1, size2);
	}

	/** An event's place, its leaf hash and the path from it to the root. */
	public record Inclusion(long index, long treeSize, byte[] leafHash, List<byte[]> proof) {
	}

	/**
	 * The consistency proof from the tree of {@code size1} to the tree of {@code size2}.
	 */
	@Transactional(readOnly = true)
	public List<byte[]> consistencyProof(long size1, long size2) {
		return Merkle.consistencyProof(size1, size2, this::node);
	}

	/** The stored leaf hashes of places {@code [from, to)}. */
	@Transactional(readOnly = true)
	public List<byte[]> leafHashes(long from, long to) {
		return jdbc.sql("SELECT hash FROM tree_node WHERE level = 0 AND index >= ? AND index < ? ORDER BY index")
			.params(from, to)
			.query(byte[].class)
			.list();
	}

	/** The events at places {@code [from, to)}, as their leaves write them. */
	@Transactional(readOnly = true)
	public List<TrailEntry> entries(long from, long to) {
		return jdbc.sql("""
				SELECT leaf_index, id, occurred_at, recorded_at, source, actor, action, entity_type, entity_id,
				       details::text AS details, trace_id
				  FROM audit_event WHERE leaf_index >= ? AND leaf_index < ? ORDER BY leaf_index""")
			.params(from, to)
			.query((row, n) -> entry(row))
			.list();
	}

	/**
	 * The names the events at places {@code [from, to)} hold hashes of, by place: none
	 * where a name was erased.
	 */
	@Transactional(readOnly = true)
	public Map<Long, List<PersonalName>> names(long from, long to) {
		Map<Long, List<PersonalName>> names = new HashMap<>();
		jdbc.sql("""
				SELECT e.leaf_index, p.field, p.name, p.salt
				  FROM personal_name p JOIN audit_event e ON e.id = p.event_id
				 WHERE e.leaf_index >= ? AND e.leaf_index < ? ORDER BY e.leaf_index, p.field""")
			.params(from, to)
			.query((row, n) -> names.computeIfAbsent(row.getLong("leaf_index"), place -> new ArrayList<>())
				.add(new PersonalName(row.getString("field"), row.getString("name"), row.getBytes("salt"))))
			.list();
		return names;
	}

	private byte[] node(int level, long index) {
		return jdbc.sql("SELECT hash FROM tree_node WHERE level = ? AND index = ?")
			.params(level, index)
			.query(byte[].class)
			.optional()
			.orElseThrow(() -> new IllegalStateException("the tree has no node " + level + "/" + index));
	}

	private TrailEntry entry(ResultSet row) throws SQLException {
		return new TrailEntry(row.getLong("leaf_index"), row.getObject("id", UUID.class),
				row.getTimestamp("occurred_at").toInstant(), row.getTimestamp("recorded_at").toInstant(),
				row.getString("source"), row.getString("actor"), row.getString("action"), row.getString("entity_type"),
				row.getString("entity_id"), json.readValue(row.getString("details"), DETAILS),
				row.getString("trace_id"));
	}

}
