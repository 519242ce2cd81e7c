package org.library.inventory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.library.inventory.Hold.HoldStatus;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.library.inventory.Loans.at;
import static org.library.inventory.Loans.instant;

/**
 * The holds table. Every change to a book's queue is made under the book's row lock
 * (taken through {@link Stock}), so the queue's order is the order holds were placed in,
 * and a copy is set aside for one hold at a time. Cancelling a waiting hold is the one
 * change that needs no lock: it takes no copy.
 */
@Repository
class Holds {

	private static final String ACTIVE = "status IN ('WAITING', 'READY')";

	// her place among the holds still waiting; ready holds have theirs set aside already
	private static final String COLUMNS = """
			id, book_id, reader, placed_at, status, ready_until, closed_at,
			CASE WHEN status = 'WAITING' THEN (SELECT count(*) FROM hold ahead
			     WHERE ahead.book_id = hold.book_id AND ahead.status = 'WAITING' AND ahead.queued <= hold.queued)
			END AS position""";

	private static final RowMapper<Hold> HOLD = (row, n) -> {
		long position = row.getLong("position");
		Integer place = row.wasNull() ? null : (int) position;
		return new Hold(row.getObject("id", UUID.class), row.getObject("book_id", UUID.class), row.getString("reader"),
				instant(row, "placed_at"), HoldStatus.valueOf(row.getString("status")), place,
				instant(row, "ready_until"), instant(row, "closed_at"));
	};

	private final JdbcClient jdbc;

	Holds(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	UUID place(UUID bookId, String reader, Instant now) {
		UUID id = UUID.randomUUID();
		jdbc.sql("INSERT INTO hold (id, book_id, reader, placed_at) VALUES (?, ?, ?, ?)")
			.params(id, bookId, reader, at(now))
			.update();
		return id;
	}

	Optional<Hold> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM hold WHERE id = ?").param(id).query(HOLD).optional();
	}

	Optional<Hold> activeOf(UUID bookId, String reader) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM hold WHERE book_id = ? AND reader = ? AND " + ACTIVE)
			.params(bookId, reader)
			.query(HOLD)
			.optional();
	}

	boolean anyActive(UUID bookId) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM hold WHERE book_id = ? AND " + ACTIVE + ")")
			.param(bookId)
			.query(Boolean.class)
			.single();
	}

	/** A reader's active holds, those set aside for her first. */
	List<Hold> activeOf(String reader) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM hold WHERE reader = ? AND " + ACTIVE
					+ " ORDER BY status = 'WAITING', ready_until, queued")
			.param(reader)
			.query(HOLD)
			.list();
	}

	/** A book's queue: the holds ready for pickup, then those waiting, in order. */
	List<Hold> queue(UUID bookId) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM hold WHERE book_id = ? AND " + ACTIVE
					+ " ORDER BY status = 'WAITING', queued")
			.param(bookId)
			.query(HOLD)
			.list();
	}

	Optional<UUID> firstWaiting(UUID bookId) {
		return jdbc.sql("SELECT id FROM hold WHERE book_id = ? AND status = 'WAITING' ORDER BY queued LIMIT 1")
			.param(bookId)
			.query(UUID.class)
			.optional();
	}

	/**
	 * @return the hold, now ready; empty if it was cancelled meanwhile
	 */
	Optional<Hold> setAside(UUID id, Instant until) {
		return change("UPDATE hold SET status = 'READY', ready_until = ? WHERE id = ? AND status = 'WAITING'",
				at(until), id);
	}

	/**
	 * The reader's ready hold on the book, fulfilled by her loan; empty if she has none.
	 */
	Optional<Hold> fulfil(UUID bookId, String reader, Instant now) {
		return change("UPDATE hold SET status = 'FULFILLED', closed_at = ? "
				+ "WHERE book_id = ? AND reader = ? AND status = 'READY'", at(now), bookId, reader);
	}

	/**
	 * @return the hold, cancelled; empty if it was closed already
	 */
	Optional<Hold> cancel(UUID id, Instant now) {
		return change("UPDATE hold SET status = 'CANCELLED', closed_at = ? WHERE id = ? AND " + ACTIVE, at(now), id);
	}

	/**
	 * @return the hold, expired; empty if it was borrowed or cancelled meanwhile
	 */
	Optional<Hold> expire(UUID id, Instant now) {
		return change("UPDATE hold SET status = 'EXPIRED', closed_at = ? "
				+ "WHERE id = ? AND status = 'READY' AND ready_until <= ?", at(now), id, at(now));
	}

	/** Ready holds whose pickup window has passed, the longest passed first. */
	List<UUID> expired(Instant now, int limit) {
		return jdbc.sql("SELECT id FROM hold WHERE status = 'READY' AND ready_until <= ? ORDER BY ready_until LIMIT ?")
			.params(at(now), limit)
			.query(UUID.class)
			.list();
	}

	/** Cancels a book's whole queue; the book left the catalog. */
	List<Hold> cancelAll(UUID bookId, Instant now) {
		return jdbc
			.sql("UPDATE hold SET status = 'CANCELLED', closed_at = ? WHERE book_id = ? AND " + ACTIVE + " RETURNING "
					+ COLUMNS)
			.params(at(now), bookId)
			.query(HOLD)
			.list();
	}

	int anonymise(Instant before) {
		return jdbc.sql("UPDATE hold SET reader = NULL WHERE closed_at < ? AND reader IS NOT NULL")
			.param(at(before))
			.update();
	}

	private Optional<Hold> change(String sql, Object... params) {
		return jdbc.sql(sql + " RETURNING " + COLUMNS).params(params).query(HOLD).optional();
	}

}
