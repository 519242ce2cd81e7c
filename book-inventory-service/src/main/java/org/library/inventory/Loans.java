package org.library.inventory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The loans table. Times are the service's clock's, passed in, so a test that moves the
 * clock moves due dates and overdue with it.
 */
@Repository
class Loans {

	/**
	 * The advisory-lock class of a reader's loans, in Postgres's two-key space, which no
	 * single-key lock of another service can meet.
	 */
	private static final int READER_LOCKS = 0x4C6F616E;

	private static final String COLUMNS = "id, book_id, reader, lent_by, lent_at, due_at, renewals, returned_at, returned_by";

	private final JdbcClient jdbc;

	Loans(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Makes the reader's other loans wait until this transaction ends, so the limit on
	 * open loans holds however many of her requests race.
	 */
	void lockReader(String reader) {
		jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(?, hashtext(?))")
			.params(READER_LOCKS, reader)
			.query(Integer.class)
			.single();
	}

	/** What a reader has out: how many, whether any is overdue, whether this book is. */
	Standing standing(String reader, UUID bookId, Instant now) {
		return jdbc.sql("""
				SELECT count(*) AS open, coalesce(bool_or(due_at < ?), false) AS overdue,
				       coalesce(bool_or(book_id = ?), false) AS has_book
				  FROM loan WHERE reader = ? AND returned_at IS NULL""")
			.params(at(now), bookId, reader)
			.query((row, n) -> new Standing(row.getInt("open"), row.getBoolean("overdue"), row.getBoolean("has_book")))
			.single();
	}

	Loan open(UUID bookId, String reader, String lentBy, Instant now, Instant due) {
		return jdbc
			.sql("INSERT INTO loan (id, book_id, reader, lent_by, lent_at, due_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING "
					+ COLUMNS)
			.params(UUID.randomUUID(), bookId, reader, lentBy, at(now), at(due))
			.query(loan(now))
			.single();
	}

	Optional<Loan> find(UUID id, Instant now) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM loan WHERE id = ?").param(id).query(loan(now)).optional();
	}

	/**
	 * @return the loan returned; empty if it was returned already
	 */
	Optional<Loan> close(UUID id, String by, Instant now) {
		return jdbc
			.sql("UPDATE loan SET returned_at = ?, returned_by = ? WHERE id = ? AND returned_at IS NULL RETURNING "
					+ COLUMNS)
			.params(at(now), by, id)
			.query(loan(now))
			.optional();
	}

	/**
	 * Renews in one step with its conditions: the loan is out, has renewals left, and
	 * nobody is waiting for the book. Due then is a loan period from now, never earlier
	 * than it was.
	 * @return the renewed loan; empty if a condition no longer holds
	 */
	Optional<Loan> renew(UUID id, Instant now, Instant dueFromNow, int maxRenewals) {
		return jdbc.sql("""
				UPDATE loan SET due_at = greatest(due_at, ?), renewals = renewals + 1
				 WHERE id = ? AND returned_at IS NULL AND renewals < ?
				   AND NOT EXISTS (SELECT 1 FROM hold
				                    WHERE hold.book_id = loan.book_id AND hold.status IN ('WAITING', 'READY'))
				RETURNING\s""" + COLUMNS).params(at(dueFromNow), id, maxRenewals).query(loan(now)).optional();
	}

	List<Loan> openOf(String reader, Instant now) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM loan WHERE reader = ? AND returned_at IS NULL ORDER BY due_at, id")
			.param(reader)
			.query(loan(now))
			.list();
	}

	List<Loan> openOf(UUID bookId, Instant now) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM loan WHERE book_id = ? AND returned_at IS NULL ORDER BY lent_at, id")
			.param(bookId)
			.query(loan(now))
			.list();
	}

	List<Loan> overdue(Instant now, int limit) {
		return jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM loan WHERE returned_at IS NULL AND due_at < ? ORDER BY due_at, id LIMIT ?")
			.params(at(now), limit)
			.query(loan(now))
			.list();
	}

	/**
	 * Forgets who borrowed what was returned before {@code before}: the reader, and who
	 * lent or took it back where that was the reader herself.
	 */
	int anonymise(Instant before) {
		return jdbc.sql("""
				UPDATE loan SET reader = NULL,
				       lent_by = CASE WHEN lent_by = reader THEN NULL ELSE lent_by END,
				       returned_by = CASE WHEN returned_by = reader THEN NULL ELSE returned_by END
				 WHERE returned_at < ? AND reader IS NOT NULL""").param(at(before)).update();
	}

	static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	static Instant instant(ResultSet row, String column) throws SQLException {
		OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
		return time == null ? null : time.toInstant();
	}

	private static RowMapper<Loan> loan(Instant now) {
		return (row, n) -> {
			Instant due = instant(row, "due_at");
			Instant returned = instant(row, "returned_at");
			return new Loan(row.getObject("id", UUID.class), row.getObject("book_id", UUID.class),
					row.getString("reader"), row.getString("lent_by"), instant(row, "lent_at"), due,
					row.getInt("renewals"), returned, row.getString("returned_by"),
					returned == null && due.isBefore(now));
		};
	}

	/** What a reader has out when she asks for another loan. */
	record Standing(int open, boolean overdue, boolean hasBook) {
	}

}
