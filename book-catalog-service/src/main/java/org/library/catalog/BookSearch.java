package org.library.catalog;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Searches with SQL the trigram indexes of V1 can serve (LIKE on the same expressions), so a search stays an
 * index scan however many books there are. Only the clauses a query uses are in its SQL.
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
		StringBuilder where = new StringBuilder(" WHERE true");
		List<Object> params = new ArrayList<>();
		if (query.text() != null && !query.text().isBlank()) {
			where.append(" AND book_search_text(title, authors, isbn) LIKE ? ESCAPE '\\'");
			params.add(contains(searchable(query.text())));
		}
		if (query.author() != null && !query.author().isBlank()) {
			where.append(" AND book_authors_text(authors) LIKE ? ESCAPE '\\'");
			params.add(contains(query.author().strip().toLowerCase(Locale.ROOT)));
		}
		long total = jdbc.sql("SELECT count(*) FROM book" + where).params(params).query(Long.class).single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(query.size());
		pageParams.add((long) query.page() * query.size());
		List<BookSnapshot> content = jdbc
			.sql("SELECT " + COLUMNS + " FROM book" + where + " ORDER BY lower(title), id LIMIT ? OFFSET ?")
			.params(pageParams)
			.query((row, n) -> snapshot(row))
			.list();
		int totalPages = (int) ((total + query.size() - 1) / query.size());
		return new BookPage(content, query.page(), query.size(), total, totalPages);
	}

	/** An ISBN typed with hyphens or spaces still finds the book, which is stored as 13 bare digits. */
	private static String searchable(String text) {
		String lower = text.strip().toLowerCase(Locale.ROOT);
		return lower.matches("[0-9x][0-9x -]*") ? lower.replace("-", "").replace(" ", "") : lower;
	}

	private static String contains(String text) {
		String escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		return "%" + escaped + "%";
	}

	private static BookSnapshot snapshot(ResultSet row) throws SQLException {
		Array authors = row.getArray("authors");
		return new BookSnapshot(row.getObject("id", UUID.class), row.getString("isbn"), row.getString("title"),
				Arrays.asList((String[]) authors.getArray()), row.getString("publisher"),
				row.getObject("published_year", Integer.class), row.getString("language"),
				row.getString("description"), row.getLong("version"),
				row.getTimestamp("created_at").toInstant(), row.getTimestamp("updated_at").toInstant());
	}

}
