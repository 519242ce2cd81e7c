package org.library.readinglist;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reading-list rows, shown with the catalog replica's description.
 */
@Repository
class ReadingListItems {

	private static final String ITEM = """
			SELECT i.book_id, b.isbn, b.title, b.authors, i.status, i.added_at, i.updated_at, b.removed
			  FROM reading_list_item i JOIN catalog_book b ON b.book_id = i.book_id""";

	private final JdbcClient jdbc;

	ReadingListItems(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Serializes the changes to one reader's list until the transaction ends, so the size
	 * limit holds when the same reader adds books from several requests at once.
	 */
	void lock(String readerId) {
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")
			.param("reading-list:" + readerId)
			.query()
			.singleRow();
	}

	Optional<ReadingListItem> find(String readerId, UUID bookId) {
		return jdbc.sql(ITEM + " WHERE i.reader_id = ? AND i.book_id = ?")
			.params(readerId, bookId)
			.query((row, n) -> item(row))
			.optional();
	}

	long count(String readerId) {
		return jdbc.sql("SELECT count(*) FROM reading_list_item WHERE reader_id = ?")
			.param(readerId)
			.query(Long.class)
			.single();
	}

	List<ReadingListItem> page(String readerId, int page, int size) {
		return jdbc.sql(ITEM + " WHERE i.reader_id = ? ORDER BY i.added_at DESC, i.book_id LIMIT ? OFFSET ?")
			.params(readerId, size, (long) page * size)
			.query((row, n) -> item(row))
			.list();
	}

	void add(String readerId, UUID bookId, ReadingStatus status, Instant now) {
		jdbc.sql(
				"INSERT INTO reading_list_item (reader_id, book_id, status, added_at, updated_at) VALUES (?, ?, ?, ?, ?)")
			.params(readerId, bookId, status.name(), Timestamp.from(now), Timestamp.from(now))
			.update();
	}

	/**
	 * The item's status, its row locked until the transaction ends: a concurrent removal
	 * either went first (no item) or waits for this change.
	 */
	Optional<ReadingStatus> lockStatus(String readerId, UUID bookId) {
		return jdbc.sql("SELECT status FROM reading_list_item WHERE reader_id = ? AND book_id = ? FOR UPDATE")
			.params(readerId, bookId)
			.query((row, n) -> ReadingStatus.valueOf(row.getString("status")))
			.optional();
	}

	void changeStatus(String readerId, UUID bookId, ReadingStatus status, Instant now) {
		jdbc.sql("UPDATE reading_list_item SET status = ?, updated_at = ? WHERE reader_id = ? AND book_id = ?")
			.params(status.name(), Timestamp.from(now), readerId, bookId)
			.update();
	}

	boolean remove(String readerId, UUID bookId) {
		return jdbc.sql("DELETE FROM reading_list_item WHERE reader_id = ? AND book_id = ?")
			.params(readerId, bookId)
			.update() == 1;
	}

	private static ReadingListItem item(ResultSet row) throws SQLException {
		return new ReadingListItem(row.getObject("book_id", UUID.class), row.getString("isbn"), row.getString("title"),
				Arrays.asList((String[]) row.getArray("authors").getArray()),
				ReadingStatus.valueOf(row.getString("status")), row.getTimestamp("added_at").toInstant(),
				row.getTimestamp("updated_at").toInstant(), row.getBoolean("removed"));
	}

}
