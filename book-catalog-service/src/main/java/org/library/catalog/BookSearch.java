package org.library.catalog;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Searches with SQL the trigram indexes of V1 can serve (LIKE on the same expressions),
 * so a search stays an index scan however many books there are. Only the clauses a query
 * uses are in its SQL.
 */
@Component
class BookSearch {

	private static final String COLUMNS = "id, isbn, title, authors, publisher, published_year, language, "
			+ "description, version, created_at, updated_at";

	private final JdbcClient jdbc;

	BookSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	BookPage find(BookQuery query) {
		Sql count = countQuery(query);
		long total = jdbc.sql(count.text()).params(count.params()).query(Long.class).single();
		Sql page = pageQuery(query);
		List<BookSnapshot> content = jdbc.sql(page.text())
			.params(page.params())
			.query((row, n) -> snapshot(row))
			.list();
		int totalPages = (int) ((total + query.size() - 1) / query.size());
		return new BookPage(content, query.page(), query.size(), total, totalPages);
	}

	Sql countQuery(BookQuery query) {
		Sql filter = filter(query);
		return new Sql("SELECT count(*) FROM book" + filter.text(), filter.params());
	}

	/**
	 * A filtered search first finds its matches through the trigram indexes, then sorts
	 * them: left to itself the planner may walk the title index and filter every book,
	 * hoping to fill a page early.
	 */
	Sql pageQuery(BookQuery query) {
		Sql filter = filter(query);
		List<Object> params = new ArrayList<>(filter.params());
		params.add(query.size());
		params.add((long) query.page() * query.size());
		String order = " ORDER BY lower(title), id LIMIT ? OFFSET ?";
		String sql = filter.params().isEmpty() ? "SELECT " + COLUMNS + " FROM book" + order
				: "WITH matches AS MATERIALIZED (SELECT " + COLUMNS + " FROM book" + filter.text()
						+ ") SELECT * FROM matches" + order;
		return new Sql(sql, params);
	}

	private static Sql filter(BookQuery query) {
		StringBuilder where = new StringBuilder();
		List<Object> params = new ArrayList<>();
		// the query is folded by the same lower() as the indexed text (V2), never by
		// Java's rules
		if (query.text() != null && !query.text().isBlank()) {
			where.append(
					" AND book_search_text(title, authors, isbn) LIKE (lower(? COLLATE pg_c_utf8) COLLATE \"default\") ESCAPE '\\'");
			params.add(contains(searchable(query.text())));
		}
		if (query.author() != null && !query.author().isBlank()) {
			where.append(
					" AND book_authors_text(authors) LIKE (lower(? COLLATE pg_c_utf8) COLLATE \"default\") ESCAPE '\\'");
			params.add(contains(query.author().strip()));
		}
		return new Sql(where.isEmpty() ? "" : " WHERE" + where.substring(4), params);
	}

	record Sql(String text, List<Object> params) {
	}

	/**
	 * An ISBN, typed with hyphens or spaces, or as the ISBN-10 it once had, still finds
	 * the book, which is stored as 13 bare digits; part of an ISBN finds it too.
	 */
	private static String searchable(String text) {
		String stripped = text.strip();
		Optional<String> isbn = Isbn.parse(stripped);
		if (isbn.isPresent()) {
			return isbn.get();
		}
		return stripped.matches("[0-9xX][0-9xX -]*") ? stripped.replace("-", "").replace(" ", "") : stripped;
	}

	private static String contains(String text) {
		String escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		return "%" + escaped + "%";
	}

	private static BookSnapshot snapshot(ResultSet row) throws SQLException {
		Array authors = row.getArray("authors");
		return new BookSnapshot(row.getObject("id", UUID.class), row.getString("isbn"), row.getString("title"),
				Arrays.asList((String[]) authors.getArray()), row.getString("publisher"),
				row.getObject("published_year", Integer.class), row.getString("language"), row.getString("description"),
				row.getLong("version"), row.getTimestamp("created_at").toInstant(),
				row.getTimestamp("updated_at").toInstant());
	}

}
