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
 * Searches with SQL whose cost is bounded however many books there are (V4): words are
 * found through the index of word prefixes, and only the first {@link BookQuery#RANKED}
 * books a search finds are ranked; browsing in title order walks the title index,
 * counting at most {@link BookQuery#BROWSED} books. Only the clauses a query uses are in
 * its SQL. A book read by its id is read here too, as the same snapshot.
 */
@Component
class BookSearch {

	private static final String COLUMNS = "id, isbn, title, authors, publisher, published_year, language, "
			+ "description, version, created_at, updated_at";

	/** The words given, each as the prefix of a word of the title or of an author. */
	private static final String WORDS = "book_search_query(?, '')";

	/** The words given, each as the prefix of a word of an author. */
	private static final String AUTHOR_WORDS = "book_search_query(?, 'B')";

	private final JdbcClient jdbc;

	BookSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One book by its id: a single statement, with no transaction of its own when the
	 * caller has none (the read most callers make).
	 */
	Optional<BookSnapshot> byId(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM book WHERE id = ?")
			.param(id)
			.query((row, n) -> snapshot(row))
			.optional();
	}

	/** Runs in the caller's transaction (the plan setting is local to it). */
	BookPage find(BookQuery query) {
		if (!query.searches()) {
			return browse(query);
		}
		// Each search is planned for its own words: how common they are decides between
		// the word index and reading the table until enough are found. A plan cached for
		// any words would use the index for a word in every other book.
		jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
		Sql page = pageQuery(query);
		List<Long> found = new ArrayList<>(1);
		List<BookSnapshot> content = jdbc.sql(page.text()).params(page.params()).query((row, n) -> {
			if (n == 0) {
				found.add(row.getLong("found"));
			}
			return snapshot(row);
		}).list();
		long total;
		if (!found.isEmpty()) {
			total = found.getFirst();
		}
		else if (query.page() == 0) {
			total = 0;
		}
		else {
			// past the last page: the page's statement counted nothing
			Sql count = countQuery(query);
			total = jdbc.sql(count.text()).params(count.params()).query(Long.class).single();
		}
		return page(content, query, total, BookQuery.RANKED);
	}

	private BookPage browse(BookQuery query) {
		long total = jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM book LIMIT ?) AS counted")
			.param(BookQuery.BROWSED + 1)
			.query(Long.class)
			.single();
		Sql page = pageQuery(query);
		List<BookSnapshot> content = jdbc.sql(page.text())
			.params(page.params())
			.query((row, n) -> snapshot(row))
			.list();
		return page(content, query, total, BookQuery.BROWSED);
	}

	/** Counts up to one more than the limit: that one says there are more. */
	private static BookPage page(List<BookSnapshot> content, BookQuery query, long counted, int limit) {
		boolean exact = counted <= limit;
		long total = Math.min(counted, limit);
		int totalPages = (int) ((total + query.size() - 1) / query.size());
		return new BookPage(content, query.page(), query.size(), total, exact, totalPages);
	}

	/**
	 * Browsing: a page in title order. Searching: the first {@link BookQuery#RANKED}
	 * books found (and one more, to tell there are more), counted and ranked, title
	 * matches above author matches, then in title order.
	 */
	Sql pageQuery(BookQuery query) {
		List<Object> params = new ArrayList<>();
		String sql;
		if (!query.searches()) {
			// the offset is walked in the title index alone; only the page is read from
			// the table
			sql = "SELECT " + COLUMNS + " FROM (SELECT id, lower(title) AS sort FROM book ORDER BY lower(title), id"
					+ " LIMIT ? OFFSET ?) AS page JOIN book USING (id) ORDER BY page.sort, id";
		}
		else {
			sql = "SELECT " + COLUMNS + ", count(*) OVER () AS found FROM (" + candidates(query, params)
					+ ") AS candidates ORDER BY rank DESC, lower(title), id LIMIT ? OFFSET ?";
		}
		params.add(query.size());
		params.add((long) query.page() * query.size());
		return new Sql(sql, params);
	}

	/** How many books a search finds, up to one more than it ranks. */
	Sql countQuery(BookQuery query) {
		List<Object> params = new ArrayList<>();
		return new Sql("SELECT count(*) FROM (" + candidates(query, params) + ") AS candidates", params);
	}

	/**
	 * The books a search ranks. A query of digits is also the start of an ISBN (or a
	 * whole one): those books come first, found through the unique index, and are not
	 * found twice by their words.
	 */
	private static String candidates(BookQuery query, List<Object> params) {
		String text = BookQuery.blank(query.text()) ? null : query.text().strip();
		String author = BookQuery.blank(query.author()) ? null : query.author().strip();
		String words = text == null ? AUTHOR_WORDS : author == null ? WORDS : "(" + WORDS + " && " + AUTHOR_WORDS + ")";
		List<Object> wordParams = new ArrayList<>();
		if (text != null) {
			wordParams.add(text);
		}
		if (author != null) {
			wordParams.add(author);
		}
		String matched = "SELECT " + COLUMNS + ", ts_rank(search, " + words + ") AS rank FROM book WHERE search @@ "
				+ words;
		Optional<IsbnRange> isbn = text == null ? Optional.empty() : IsbnRange.of(text);
		if (isbn.isEmpty()) {
			params.addAll(wordParams);
			params.addAll(wordParams);
			params.add(BookQuery.RANKED + 1);
			return matched + " LIMIT ?";
		}
		String byAuthor = author == null ? "" : " AND search @@ " + AUTHOR_WORDS;
		String inRange = "isbn >= ? AND isbn < ?";
		params.add(isbn.get().from());
		params.add(isbn.get().before());
		if (author != null) {
			params.add(author);
		}
		params.add(BookQuery.RANKED + 1);
		params.addAll(wordParams);
		params.addAll(wordParams);
		params.add(isbn.get().from());
		params.add(isbn.get().before());
		params.add(BookQuery.RANKED + 1);
		return "(SELECT " + COLUMNS + ", 1.0 AS rank FROM book WHERE " + inRange + byAuthor
				+ " ORDER BY isbn LIMIT ?) UNION ALL (" + matched + " AND NOT (" + inRange + ") LIMIT ?)";
	}

	record Sql(String text, List<Object> params) {
	}

	/**
	 * The ISBNs a query of digits begins: an ISBN typed with hyphens or spaces, or as the
	 * ISBN-10 it once had, is the book's 13 bare digits; digits alone are the start of
	 * one.
	 *
	 * @param before the least digits after the range, in the order of any collation (all
	 * are digits)
	 */
	record IsbnRange(String from, String before) {

		static Optional<IsbnRange> of(String text) {
			Optional<String> isbn = Isbn.parse(text);
			String digits = isbn.orElseGet(() -> text.replace("-", "").replace(" ", ""));
			if (!digits.matches("[0-9]{1,13}")) {
				return Optional.empty();
			}
			// the least digits greater than every ISBN beginning with these: the digits
			// up
			// to the last that is not a 9, that one plus one; after nines alone, 14 nines
			String stem = digits.replaceFirst("9+$", "");
			String before = stem.isEmpty() ? "9".repeat(14)
					: stem.substring(0, stem.length() - 1) + (char) (stem.charAt(stem.length() - 1) + 1);
			return Optional.of(new IsbnRange(digits, before));
		}

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
