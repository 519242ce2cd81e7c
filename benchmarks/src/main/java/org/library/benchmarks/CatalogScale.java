package org.library.benchmarks;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The catalog at a million books: loaded through SQL (as an import would), then searched
 * through the API as readers do. Each kind of search alone, at a steady rate a person
 * could not reach, then 16 searchers at once with every kind mixed, while an inventory
 * read shows whether the other services feel it (they share the database).
 */
final class CatalogScale {

	static final int BOOKS = 1_000_000;

	/** One book in 16 has it in its title. */
	private static final String COMMON_WORD = "garden";

	private static final double ONE_SEARCHER_RATE = 20;

	private static final int SEARCHERS = 16;

	private static final Pattern TOTAL = Pattern.compile("\"totalElements\":(\\d+)");

	private static final Pattern EXACT = Pattern.compile("\"totalIsExact\":(true|false)");

	private final RunningStack stack;

	private final Duration step;

	private final Library library;

	CatalogScale(RunningStack stack, Library library, Duration step) {
		this.stack = stack;
		this.library = library;
		this.step = step;
	}

	/** The report's section. */
	String run(Consumer<String> say) throws Exception {
		say.accept("Loading %,d books into the catalog through SQL".formatted(BOOKS));
		long loading = System.nanoTime();
		Sample sample = load();
		double loadSeconds = (System.nanoTime() - loading) / 1e9;
		say.accept("  loaded in %.0f s; searching for %s".formatted(loadSeconds, sample));

		String catalog = stack.url("book-catalog-service") + "/api/books";
		Map<String, String> searches = new LinkedHashMap<>();
		searches.put("a common word (`%s`, 1 book in 16)".formatted(COMMON_WORD), "?q=" + COMMON_WORD);
		searches.put("two words (`%s %s`)".formatted(COMMON_WORD, sample.word()),
				"?q=" + encode(COMMON_WORD + " " + sample.word()));
		searches.put("a prefix (`%s`)".formatted(sample.prefix()), "?q=" + encode(sample.prefix()));
		searches.put("an author (`author=%s`)".formatted(sample.author()), "?author=" + encode(sample.author()));
		searches.put("an ISBN, hyphenated (`%s`)".formatted(sample.isbn()), "?q=" + encode(sample.isbn()));
		searches.put("browsing deep (page 499 of 20)", "?page=499&size=20");

		String token = library.librarian();
		OpenLoad one = new OpenLoad(1);
		StringBuilder report = new StringBuilder();
		report.append("| catalog at %,d books (loaded through SQL in %.0f s) | found | p50 | p99 | p99.9 |\n"
			.formatted(BOOKS, loadSeconds));
		report.append("|---|---|---:|---:|---:|\n");
		for (Map.Entry<String, String> search : searches.entrySet()) {
			String url = catalog + search.getValue();
			String found = found(url, token);
			LongFunction<HttpRequest> request = i -> get(url, token);
			one.run(ONE_SEARCHER_RATE, Duration.ofSeconds(3), request);
			OpenLoad.Step measured = one.run(ONE_SEARCHER_RATE, step, request);
			say.accept("  %s: %s".formatted(search.getKey(), measured));
			report
				.append("| %s, one searcher at %.0f/s | %s | %.1f ms | %.1f ms | %.1f ms |\n".formatted(search.getKey(),
						ONE_SEARCHER_RATE, found, measured.millis(50), measured.millis(99), measured.millis(99.9)));
		}

		List<String> mix = searches.values().stream().map(query -> catalog + query).toList();
		LongFunction<HttpRequest> mixed = i -> get(mix.get((int) (i % mix.size())), token);
		OpenLoad searchers = new OpenLoad(SEARCHERS);
		double most = searchers.saturate(Duration.ofSeconds(5), mixed);
		say.accept("  %d searchers back to back, every kind in turn: %,.0f/s".formatted(SEARCHERS, most));
		String stock = stack.url("book-inventory-service") + "/api/inventory/" + library.hotBook;
		LongFunction<HttpRequest> inventoryRead = i -> get(stock, token);
		OpenLoad.Step inventoryAlone = one.run(ONE_SEARCHER_RATE, step, inventoryRead);
		OpenLoad.Step[] during = new OpenLoad.Step[1];
		Thread reading = Thread.ofVirtual().start(() -> during[0] = one.run(ONE_SEARCHER_RATE, step, inventoryRead));
		OpenLoad.Step loaded = searchers.run(0.7 * most, step, mixed);
		reading.join();
		say.accept("  %d searchers at 70 %%: %s".formatted(SEARCHERS, loaded));
		say.accept("  an inventory read alone: %s; while they search: %s".formatted(inventoryAlone, during[0]));
		report.append(
				"| %d searchers, every kind in turn, at 70 %% of the most they get (%,.0f/s) | | %.1f ms | %.1f ms | %.1f ms |\n"
					.formatted(SEARCHERS, most, loaded.millis(50), loaded.millis(99), loaded.millis(99.9)));
		report.append("| an inventory read at %.0f/s, alone | | %.1f ms | %.1f ms | %.1f ms |\n".formatted(
				ONE_SEARCHER_RATE, inventoryAlone.millis(50), inventoryAlone.millis(99), inventoryAlone.millis(99.9)));
		report.append("| the same, while the %d searchers search | | %.1f ms | %.1f ms | %.1f ms |\n"
			.formatted(SEARCHERS, during[0].millis(50), during[0].millis(99), during[0].millis(99.9)));
		return report.toString();
	}

	/**
	 * What the searches look for, taken from the books loaded.
	 *
	 * @param word the most common word of the titles after {@link #COMMON_WORD}
	 */
	record Sample(String word, String prefix, String author, String isbn) {
	}

	/**
	 * Titles of two to four words from a vocabulary of about 8,000 made-up words, the
	 * first far more common than the last (as in real titles), and {@link #COMMON_WORD}
	 * in every 16th; authors from 2,000 given and 7,000 family names; valid ISBN-13s.
	 */
	private Sample load() throws SQLException {
		try (Connection connection = stack.connectAsSuperuser(); Statement sql = connection.createStatement()) {
			sql.execute("SET search_path = book_catalog, extensions");
			sql.execute("SELECT setseed(0.42)");
			sql.execute("""
					CREATE TEMP TABLE syllable AS
					SELECT s FROM unnest(string_to_array('ga,ri,den,lo,ma,ne,ta,shi,ko,ru,be,lin,dor,an,el,mi,sa,\
					vor,tu,pe,ka,ol,ir,en,stra,wen,bri,ho,zu,fa,qui,nar,do,li,ve,cha,mon,ter,si,ul', ',')) AS s""");
			sql.execute("""
					CREATE TEMP TABLE vocabulary AS
					SELECT row_number() OVER (ORDER BY random()) - 1 AS n, w FROM (
					  SELECT DISTINCT a.s || b.s || CASE WHEN random() < 0.5 THEN c.s ELSE '' END AS w
					    FROM syllable a, syllable b, syllable c WHERE random() < 0.2) AS words""");
			sql.execute("CREATE UNIQUE INDEX ON vocabulary (n)");
			long words = count(sql, "SELECT count(*) FROM vocabulary");
			sql.execute(
					"""
							CREATE FUNCTION pg_temp.isbn13(twelve text) RETURNS text LANGUAGE sql IMMUTABLE RETURN twelve || ((10 - (
							  (SELECT sum(substr(twelve, i, 1)::int * (1 + 2 * (1 - i % 2))) FROM generate_series(1, 12) AS i))
							  % 10) % 10)""");
			sql.execute(
					"""
							INSERT INTO book (id, isbn, title, authors, publisher, published_year, language, description,
							                  version, created_at, updated_at)
							SELECT gen_random_uuid(), pg_temp.isbn13('978' || lpad((m::bigint * 7919 %% 1000000000)::text, 9, '0')),
							       initcap(concat_ws(' ', CASE WHEN m %% 16 = 0 THEN '%s' END, w1.w, w2.w, w3.w)),
							       ARRAY[initcap(a1.w) || ' ' || initcap(a2.w)], 'Publisher ' || (m %% 500), 1900 + m %% 125, 'en',
							       repeat('A description of the book, as long as a real one often is. ', 4), 0, now(), now()
							  FROM (SELECT m, floor(%d * random() ^ 2.5)::int AS i1, floor(%d * random() ^ 2.5)::int AS i2,
							               CASE WHEN random() < 0.6 THEN floor(%d * random() ^ 2.5)::int END AS i3
							          FROM generate_series(1, %d) AS m) AS drawn
							  JOIN vocabulary w1 ON w1.n = drawn.i1 JOIN vocabulary w2 ON w2.n = drawn.i2
							  LEFT JOIN vocabulary w3 ON w3.n = drawn.i3
							  JOIN vocabulary a1 ON a1.n = drawn.m %% 2000 JOIN vocabulary a2 ON a2.n = drawn.m * 17 %% 7000"""
						.formatted(COMMON_WORD, words, words, words, BOOKS));
			// as autovacuum would in time: statistics for the planner, and the visibility
			// map an index-only scan needs
			sql.execute("VACUUM ANALYZE book");
			String word = text(sql, "SELECT w FROM vocabulary WHERE n = 0");
			String author = text(sql, "SELECT w FROM vocabulary WHERE n = 1234 % 7000");
			String isbn = text(sql, "SELECT isbn FROM book ORDER BY isbn OFFSET 500000 LIMIT 1");
			return new Sample(word, word.substring(0, 2), author,
					isbn.substring(0, 3) + "-" + isbn.substring(3, 12) + "-" + isbn.substring(12));
		}
	}

	static long count(Statement sql, String query) throws SQLException {
		try (ResultSet row = sql.executeQuery(query)) {
			row.next();
			return row.getLong(1);
		}
	}

	private static String text(Statement sql, String query) throws SQLException {
		try (ResultSet row = sql.executeQuery(query)) {
			row.next();
			return row.getString(1);
		}
	}

	/** How many the search says it found, as a reader would read it. */
	private static String found(String url, String token) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(get(url, token), HttpResponse.BodyHandlers.ofString());
		String body = response.body();
		if (response.statusCode() != 200) {
			throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + body);
		}
		Matcher total = TOTAL.matcher(body);
		Matcher exact = EXACT.matcher(body);
		if (!total.find() || !exact.find()) {
			throw new IllegalStateException(url + " answered no total: " + body);
		}
		long found = Long.parseLong(total.group(1));
		return Boolean.parseBoolean(exact.group(1)) ? "%,d".formatted(found) : "more than %,d".formatted(found);
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	static HttpRequest get(String url, String token) {
		return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build();
	}

}
