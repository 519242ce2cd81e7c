package org.library.inventory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every change to a book's copies is one conditional UPDATE: the condition and the change
 * are checked and made by Postgres in one step under the row's lock, so N copies allow
 * exactly N loans however many requests and service instances race for them. A copy is on
 * the shelf (available), set aside for a hold (held), or on loan. The CHECK constraint of
 * the table is the last line of defence.
 */
@Repository
class Stock {

	static final int MAX_COPIES = 100_000;

	private static final String COLUMNS = "book_id, total_copies, available_copies, held_copies, status";

	private static final String RETURNING = " RETURNING " + COLUMNS;

	private final JdbcClient jdbc;

	Stock(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<BookStock> find(UUID bookId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM book_inventory WHERE book_id = ?")
			.param(bookId)
			.query((row, n) -> stock(row))
			.optional();
	}

	/**
	 * Takes the book's row lock until the transaction ends: every change to its queue is
	 * made under it.
	 */
	Optional<BookStock> lock(UUID bookId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM book_inventory WHERE book_id = ? FOR UPDATE")
			.param(bookId)
			.query((row, n) -> stock(row))
			.optional();
	}

	/**
	 * A book the catalog published: known from now on, with no copies. Leaves a known
	 * book as it is.
	 */
	boolean register(UUID bookId) {
		return jdbc.sql("INSERT INTO book_inventory (book_id) VALUES (?) ON CONFLICT (book_id) DO NOTHING")
			.param(bookId)
			.update() == 1;
	}

	/**
	 * @return the stock if this withdrew it; empty if it was withdrawn already
	 */
	Optional<BookStock> withdraw(UUID bookId) {
		return update("INSERT INTO book_inventory (book_id, status) VALUES (?, 'WITHDRAWN') "
				+ "ON CONFLICT (book_id) DO UPDATE SET status = 'WITHDRAWN', updated_at = now() "
				+ "WHERE book_inventory.status <> 'WITHDRAWN'", bookId);
	}

	Optional<BookStock> addCopies(UUID bookId, int count) {
		return update(
				"UPDATE book_inventory SET total_copies = total_copies + ?, "
						+ "available_copies = available_copies + ?, updated_at = now() "
						+ "WHERE book_id = ? AND status = 'ACTIVE' AND total_copies + ? <= " + MAX_COPIES,
				count, count, bookId, count);
	}

	Optional<BookStock> removeCopies(UUID bookId, int count) {
		return update("UPDATE book_inventory SET total_copies = total_copies - ?, "
				+ "available_copies = available_copies - ?, updated_at = now() "
				+ "WHERE book_id = ? AND available_copies >= ?", count, count, bookId, count);
	}

	Optional<BookStock> lendFromShelf(UUID bookId) {
		return update("UPDATE book_inventory SET available_copies = available_copies - 1, updated_at = now() "
				+ "WHERE book_id = ? AND status = 'ACTIVE' AND available_copies > 0", bookId);
	}

	/** A copy set aside for a hold, lent to its reader. */
	Optional<BookStock> takeHeld(UUID bookId) {
		return update("UPDATE book_inventory SET held_copies = held_copies - 1, updated_at = now() "
				+ "WHERE book_id = ? AND held_copies > 0", bookId);
	}

	/** A copy back from loan, to the shelf. */
	Optional<BookStock> returnToShelf(UUID bookId) {
		return update("UPDATE book_inventory SET available_copies = available_copies + 1, updated_at = now() "
				+ "WHERE book_id = ? AND available_copies + held_copies < total_copies", bookId);
	}

	/** A copy back from loan, set aside for the first hold. */
	Optional<BookStock> returnToHold(UUID bookId) {
		return update("UPDATE book_inventory SET held_copies = held_copies + 1, updated_at = now() "
				+ "WHERE book_id = ? AND available_copies + held_copies < total_copies", bookId);
	}

	/** Copies from the shelf, set aside for holds waiting (copies were added). */
	Optional<BookStock> shelfToHold(UUID bookId, int count) {
		return update("UPDATE book_inventory SET available_copies = available_copies - ?, "
				+ "held_copies = held_copies + ?, updated_at = now() WHERE book_id = ? AND available_copies >= ?",
				count, count, bookId, count);
	}

	/** A copy set aside for a hold that closed with nobody behind it, to the shelf. */
	Optional<BookStock> heldToShelf(UUID bookId, int count) {
		return update(
				"UPDATE book_inventory SET available_copies = available_copies + ?, "
						+ "held_copies = held_copies - ?, updated_at = now() WHERE book_id = ? AND held_copies >= ?",
				count, count, bookId, count);
	}

	private Optional<BookStock> update(String sql, Object... params) {
		return jdbc.sql(sql + RETURNING).params(params).query((row, n) -> stock(row)).optional();
	}

	private static BookStock stock(ResultSet row) throws SQLException {
		int total = row.getInt("total_copies");
		int available = row.getInt("available_copies");
		int held = row.getInt("held_copies");
		return new BookStock(row.getObject("book_id", UUID.class), total, available, held, total - available - held,
				StockStatus.valueOf(row.getString("status")));
	}

}
