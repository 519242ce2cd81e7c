package org.library.benchmarks;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The statements the services run for each work the benchmark compares, written once:
 * {@link Raw} runs them through plain JDBC, {@link PlainSpringBoot} inside Spring's
 * transactions. Reads see the catalog's own table; writes go to the copies in
 * {@link Raw#SCHEMA}. The caller begins and ends each transaction.
 */
final class Statements {

	static final String SCHEMA = Raw.SCHEMA;

	static final String AUDIT_PAYLOAD = """
			{"id":"%s","occurredAt":"%s","source":"book-inventory-service","actor":"librarian",\
			"action":"LoanOpened","entityType":"Book","entityId":"%s","details":{"loanId":"7d444840-9dc0-4f1b-a1b4-8a2f1d1ef7b4",\
			"reader":"bench-1","lentBy":"librarian","dueAt":"2026-12-24T10:00:00Z","totalCopies":10000,"availableCopies":9999},"traceId":"4bf92f3577b34da6a3ce929d0e0e4736"}""";

	static final String OUTBOX_HEADERS = """
			{"ce_specversion":"1.0","ce_id":"%s","ce_source":"book-inventory-service",\
			"ce_type":"org.library.audit.AuditEvent","ce_time":"%s","ce_actor":"librarian",\
			"content-type":"application/json","traceparent":"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"}""";

	private static final String BOOK_COLUMNS = "id, isbn, title, authors, publisher, published_year, language, "
			+ "description, version, created_at, updated_at";

	private static final String WORDS = "book_search_query(?, '')";

	private static final String SEARCH = "SELECT " + BOOK_COLUMNS + ", count(*) OVER () AS found FROM (SELECT "
			+ BOOK_COLUMNS + ", ts_rank(search, " + WORDS + ") AS rank FROM book WHERE search @@ " + WORDS
			+ " LIMIT ?) AS candidates ORDER BY rank DESC, lower(title), id LIMIT ? OFFSET ?";

	private static final String LIST_ITEM = "SELECT i.book_id, b.isbn, b.title, b.authors, i.status, i.added_at, "
			+ "i.updated_at, b.removed FROM " + SCHEMA + ".reading_list_item i JOIN " + SCHEMA
			+ ".catalog_book b ON b.book_id = i.book_id WHERE i.reader_id = ? AND i.book_id = ?";

	private Statements() {
	}

	/** A book as the catalog answers it. */
	record Book(UUID id, String isbn, String title, List<String> authors, String publisher, Integer publishedYear,
			String language, String description, long version, Instant createdAt, Instant updatedAt) {

		static Book of(ResultSet row) throws SQLException {
			Array authors = row.getArray("authors");
			return new Book(row.getObject("id", UUID.class), row.getString("isbn"), row.getString("title"),
					Arrays.asList((String[]) authors.getArray()), row.getString("publisher"),
					row.getObject("published_year", Integer.class), row.getString("language"),
					row.getString("description"), row.getLong("version"), row.getTimestamp("created_at").toInstant(),
					row.getTimestamp("updated_at").toInstant());
		}

	}

	/** A search's page: the books on it, and how many matched of the first 200. */
	record Page(List<Book> books, long found) {
	}

	/** A loan as the inventory answers it. */
	record Loan(UUID id, UUID bookId, String reader, String lentBy, Instant lentAt, Instant dueAt,
			int availableCopies) {
	}

	/** A reading list's item as the reading list answers it. */
	record ListItem(UUID bookId, String isbn, String title, List<String> authors, String status, Instant addedAt,
			Instant updatedAt) {
	}

	/** The catalog's read of one book. */
	static Optional<Book> book(Connection connection, UUID id) throws SQLException {
		try (PreparedStatement select = connection
			.prepareStatement("SELECT " + BOOK_COLUMNS + " FROM book WHERE id = ?")) {
			select.setObject(1, id);
			try (ResultSet row = select.executeQuery()) {
				return row.next() ? Optional.of(Book.of(row)) : Optional.empty();
			}
		}
	}

	/**
	 * The catalog's search for words of the titles and authors: its plan setting and the
	 * ranked first page with its count, in one statement, as {@code BookSearch} asks.
	 */
	static Page search(Connection connection, String words) throws SQLException {
		try (Statement plan = connection.createStatement()) {
			plan.execute("SET LOCAL plan_cache_mode = force_custom_plan");
		}
		try (PreparedStatement page = connection.prepareStatement(SEARCH)) {
			page.setString(1, words);
			page.setString(2, words);
			page.setInt(3, 201);
			page.setInt(4, 20);
			page.setLong(5, 0);
			List<Book> books = new ArrayList<>();
			long found = 0;
			try (ResultSet rows = page.executeQuery()) {
				while (rows.next()) {
					books.add(Book.of(rows));
					found = rows.getLong("found");
				}
			}
			return new Page(books, found);
		}
	}

	/**
	 * The inventory's lend, statement for statement: the reader's lock, her standing, her
	 * ready hold if any, the conditional UPDATE, the loan and the audit event in the
	 * outbox.
	 * @return the loan, or empty when no copy was left
	 */
	static Optional<Loan> lend(Connection connection, UUID book, String reader) throws SQLException {
		Timestamp now = Timestamp.from(Instant.now());
		try (PreparedStatement lock = connection
			.prepareStatement("SELECT 1 FROM pg_advisory_xact_lock(1282367854, hashtext(?))")) {
			lock.setString(1, reader);
			lock.executeQuery().close();
		}
		try (PreparedStatement standing = connection.prepareStatement("SELECT count(*), "
				+ "coalesce(bool_or(due_at < ?), false), coalesce(bool_or(book_id = ?), false) FROM " + SCHEMA
				+ ".loan WHERE reader = ? AND returned_at IS NULL")) {
			standing.setTimestamp(1, now);
			standing.setObject(2, book);
			standing.setString(3, reader);
			standing.executeQuery().close();
		}
		try (PreparedStatement fulfil = connection.prepareStatement("UPDATE " + SCHEMA
				+ ".hold SET status = 'FULFILLED', closed_at = ? WHERE book_id = ? AND reader = ? AND status = 'READY'")) {
			fulfil.setTimestamp(1, now);
			fulfil.setObject(2, book);
			fulfil.setString(3, reader);
			fulfil.executeUpdate();
		}
		int available;
		try (PreparedStatement update = connection.prepareStatement("UPDATE " + SCHEMA + ".book_inventory "
				+ "SET available_copies = available_copies - 1, updated_at = now() "
				+ "WHERE book_id = ? AND status = 'ACTIVE' AND available_copies > 0 "
				+ "RETURNING book_id, total_copies, available_copies, held_copies, status")) {
			update.setObject(1, book);
			try (ResultSet stock = update.executeQuery()) {
				if (!stock.next()) {
					return Optional.empty();
				}
				available = stock.getInt("available_copies");
			}
		}
		Loan loan = new Loan(UUID.randomUUID(), book, reader, "librarian", now.toInstant(),
				now.toInstant().plus(Duration.ofDays(21)), available);
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + SCHEMA
				+ ".loan (id, book_id, reader, lent_by, lent_at, due_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id")) {
			insert.setObject(1, loan.id());
			insert.setObject(2, book);
			insert.setString(3, reader);
			insert.setString(4, loan.lentBy());
			insert.setTimestamp(5, now);
			insert.setTimestamp(6, Timestamp.from(loan.dueAt()));
			insert.executeQuery().close();
		}
		outbox(connection, "inventory_outbox", book);
		return Optional.of(loan);
	}

	/**
	 * The reading list's add: the reader's lock, the checks, the row and the audit event.
	 * @return the item as stored, or empty when the reading list does not know the book
	 */
	static Optional<ListItem> readingListAdd(Connection connection, String reader, UUID book) throws SQLException {
		try (PreparedStatement lock = connection
			.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
			lock.setString(1, "reading-list:" + reader);
			lock.executeQuery().close();
		}
		item(connection, reader, book);
		try (PreparedStatement known = connection
			.prepareStatement("SELECT book_id, removed FROM " + SCHEMA + ".catalog_book WHERE book_id = ?")) {
			known.setObject(1, book);
			try (ResultSet row = known.executeQuery()) {
				if (!row.next()) {
					return Optional.empty();
				}
			}
		}
		try (PreparedStatement count = connection
			.prepareStatement("SELECT count(*) FROM " + SCHEMA + ".reading_list_item WHERE reader_id = ?")) {
			count.setString(1, reader);
			count.executeQuery().close();
		}
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + SCHEMA
				+ ".reading_list_item (reader_id, book_id, status, added_at, updated_at) VALUES (?, ?, ?, ?, ?)")) {
			Timestamp now = Timestamp.from(Instant.now());
			insert.setString(1, reader);
			insert.setObject(2, book);
			insert.setString(3, "WANT_TO_READ");
			insert.setTimestamp(4, now);
			insert.setTimestamp(5, now);
			insert.executeUpdate();
		}
		outbox(connection, "reading_list_outbox", book);
		return item(connection, reader, book);
	}

	private static Optional<ListItem> item(Connection connection, String reader, UUID book) throws SQLException {
		try (PreparedStatement select = connection.prepareStatement(LIST_ITEM)) {
			select.setString(1, reader);
			select.setObject(2, book);
			try (ResultSet row = select.executeQuery()) {
				if (!row.next()) {
					return Optional.empty();
				}
				return Optional.of(new ListItem(row.getObject("book_id", UUID.class), row.getString("isbn"),
						row.getString("title"), Arrays.asList((String[]) row.getArray("authors").getArray()),
						row.getString("status"), row.getTimestamp("added_at").toInstant(),
						row.getTimestamp("updated_at").toInstant()));
			}
		}
	}

	private static void outbox(Connection connection, String table, UUID key) throws SQLException {
		// each copy keeps its outbox's CHECK: only the service's own audit topic
		String topic = table.startsWith("inventory") ? "library.audit.book-inventory-service"
				: "library.audit.reading-list-service";
		UUID id = UUID.randomUUID();
		String now = Instant.now().toString();
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + SCHEMA + "." + table
				+ " (topic, record_key, payload, headers) VALUES (?, ?, ?, ?::jsonb)")) {
			insert.setString(1, topic);
			insert.setString(2, key.toString());
			insert.setString(3, AUDIT_PAYLOAD.formatted(id, now, key));
			insert.setString(4, OUTBOX_HEADERS.formatted(id, now));
			insert.executeUpdate();
		}
	}

}
