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
 * exactly N checkouts however many requests and service instances race for them. The
 * CHECK constraint of the table is the last line of defence.
 */
@Repository
class Stock {

	static final int MAX_COPIES = 100_000;

	private static final String RETURNING = " RETURNING book_id, total_copies, available_copies, status";

	private final JdbcClient jdbc;

	Stock(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<BookStock> find(UUID bookId) {
		return jdbc.sql("SELECT book_id, total_copies, available_copies, status FROM book_inventory WHERE book_id = ?")
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

	Optional<BookStock> checkOut(UUID bookId) {
		return update("UPDATE book_inventory SET available_copies = available_copies - 1, updated_at = now() "
				+ "WHERE book_id = ? AND status = 'ACTIVE' AND available_copies > 0", bookId);
	}

	Optional<BookStock> returnCopy(UUID bookId) {
		return update("UPDATE book_inventory SET available_copies = available_copies + 1, updated_at = now() "
				+ "WHERE book_id = ? AND available_copies < total_copies", bookId);
	}

	private Optional<BookStock> update(String sql, Object... params) {
		return jdbc.sql(sql + RETURNING).params(params).query((row, n) -> stock(row)).optional();
	}

	private static BookStock stock(ResultSet row) throws SQLException {
		int total = row.getInt("total_copies");
		int available = row.getInt("available_copies");
		return new BookStock(row.getObject("book_id", UUID.class), total, available, total - available,
				StockStatus.valueOf(row.getString("status")));
	}

}
