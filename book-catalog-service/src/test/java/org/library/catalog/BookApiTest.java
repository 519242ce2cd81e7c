package org.library.catalog;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.library.testsupport.Caller;
import org.library.testsupport.Http;
import org.library.testsupport.RawHttp;
import org.library.testsupport.ServiceUnderTest;
import org.library.testsupport.TestIssuer;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@CatalogIntegrationTest
class BookApiTest {

	@Autowired
	JdbcClient jdbc;

	private final ServiceUnderTest service;

	private final Http http;

	BookApiTest(ServiceUnderTest service) {
		this.service = service;
		this.http = service.http().as(Caller.LIBRARIAN);
	}

	@Test
	void addsABookAndAnswersWithLocationEtagAndTheBook() {
		String isbn = TestBooks.uniqueIsbn13();
		var created = http.post("/api/books", TestBooks.json(isbn, "The Dispossessed", "Ursula K. Le Guin"));

		assertThat(created.status()).isEqualTo(201);
		JsonNode book = created.json();
		assertThat(created.header("Location")).endsWith("/api/books/" + book.get("id").asString());
		assertThat(created.header("ETag")).isEqualTo("\"0\"");
		assertThat(book.get("isbn").asString()).isEqualTo(isbn);
		assertThat(book.get("title").asString()).isEqualTo("The Dispossessed");
		assertThat(book.get("authors").get(0).asString()).isEqualTo("Ursula K. Le Guin");
		assertThat(book.get("publishedYear").asInt()).isEqualTo(1954);

		var fetched = http.get("/api/books/" + book.get("id").asString());
		assertThat(fetched.status()).isEqualTo(200);
		assertThat(fetched.json().get("isbn").asString()).isEqualTo(isbn);
	}

	@Test
	void storesAnIsbn10WithHyphensAsIsbn13() {
		// 0-306-40615-2 is the textbook ISBN-10; 978-0-306-40615-7 is its ISBN-13
		jdbc.sql("DELETE FROM book WHERE isbn = '9780306406157'").update();
		var created = http.post("/api/books", TestBooks.json("0-306-40615-2", "Example", "A. Author"));

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("isbn").asString()).isEqualTo("9780306406157");
	}

	@Test
	void rejectsDuplicateIsbn() {
		String isbn = TestBooks.uniqueIsbn13();
		assertThat(http.post("/api/books", TestBooks.json(isbn, "First", "A")).status()).isEqualTo(201);

		var duplicate = http.post("/api/books", TestBooks.json(isbn, "Second", "B"));

		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.header("Content-Type")).startsWith("application/problem+json");
		assertThat(duplicate.json().get("isbn").asString()).isEqualTo(isbn);
		assertThat(countWithIsbn(isbn)).isEqualTo(1);
	}

	@Test
	void concurrentAddsOfOneIsbnLetExactlyOneWin() throws Exception {
		String isbn = TestBooks.uniqueIsbn13();
		List<Callable<Integer>> adds = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			adds.add(() -> http.post("/api/books", TestBooks.json(isbn, "Race", "R")).status());
		}
		List<Integer> statuses = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(12)) {
			for (Future<Integer> status : pool.invokeAll(adds)) {
				statuses.add(status.get());
			}
		}
		assertThat(statuses).containsOnly(201, 409);
		assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
		assertThat(countWithIsbn(isbn)).isEqualTo(1);
	}

	@Test
	void rejectsAnIsbnWithABadCheckDigitNamingTheField() {
		var response = http.post("/api/books", TestBooks.json("978-0-306-40615-8", "Bad", "A"));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(fields(response.json())).containsExactly("isbn");
		assertThat(countWithIsbn("9780306406158")).isZero();
	}

	@Test
	void namesEveryBadField() {
		String body = """
				{"isbn":"","title":"%s","authors":[],"publishedYear":99999,"language":"english!"}"""
			.formatted("x".repeat(501));

		var response = http.post("/api/books", body);

		assertThat(response.status()).isEqualTo(400);
		assertThat(fields(response.json())).contains("isbn", "title", "authors", "publishedYear", "language");
		assertThat(response.json().get("detail").asString()).endsWith("fields are invalid");
	}

	@Test
	void rejectsABlankAuthor() {
		var response = http.post("/api/books", TestBooks.json(TestBooks.uniqueIsbn13(), "T", " "));

		assertThat(response.status()).isEqualTo(400);
		assertThat(fields(response.json())).containsExactly("authors[0]");
	}

	@Test
	void answersMalformedJsonWith400() {
		var response = http.post("/api/books", "{\"isbn\": ");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
	}

	@Test
	void namesAFieldOfTheWrongType() {
		var response = http.post("/api/books", "{\"isbn\":\"" + TestBooks.uniqueIsbn13()
				+ "\",\"title\":\"T\",\"authors\":[\"A\"]," + "\"publishedYear\":\"last year\"}");

		assertThat(response.status()).isEqualTo(400);
		assertThat(fields(response.json())).containsExactly("publishedYear");
	}

	@Test
	void answersAWrongMediaTypeWith415() {
		var response = http.send(http.builder("/api/books", "Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString(TestBooks.json("Plain"))));

		assertThat(response.status()).isEqualTo(415);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
	}

	@Test
	void refusesA3MegabyteBodyWith413() {
		String huge = TestBooks.json(TestBooks.uniqueIsbn13(), "x".repeat(3 * 1024 * 1024), "A");

		var response = http.post("/api/books", huge);

		assertThat(response.status()).isEqualTo(413);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
	}

	@Test
	void refusesA3MegabyteChunkedBodyWith413() {
		byte[] huge = TestBooks.json(TestBooks.uniqueIsbn13(), "x".repeat(3 * 1024 * 1024), "A").getBytes();
		var chunked = HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge));

		var response = http.send(http.builder("/api/books", "Content-Type", "application/json").POST(chunked));

		assertThat(response.status()).isEqualTo(413);
	}

	@Test
	void answersAnUnknownIdWith404AndAMalformedOneWith400() {
		var unknown = http.get("/api/books/00000000-0000-0000-0000-000000000000");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");

		var malformed = http.get("/api/books/not-a-uuid");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(fields(malformed.json())).containsExactly("id");

		assertThat(http.put("/api/books/not-a-uuid", TestBooks.json("X"), "If-Match", "\"0\"").status()).isEqualTo(400);
		assertThat(http.delete("/api/books/00000000-0000-0000-0000-000000000000").status()).isEqualTo(404);
	}

	@Test
	void anUnknownPathIsClosedLikeAnyEndpointWithoutARule() {
		var anonymous = service.http().get("/api/nothing-here");
		var librarian = http.get("/api/nothing-here");

		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(librarian.status()).isEqualTo(403);
		assertThat(librarian.header("Content-Type")).startsWith("application/problem+json");
	}

	@Test
	void answersNotModifiedForACurrentEtag() {
		JsonNode book = http.post("/api/books", TestBooks.json("Cached")).json();

		var response = http.get("/api/books/" + book.get("id").asString(), "If-None-Match", "\"0\"");

		assertThat(response.status()).isEqualTo(304);
	}

	@Test
	void updatesWithTheCurrentEtagAndRefusesAStaleOne() {
		String isbn = TestBooks.uniqueIsbn13();
		String id = http.post("/api/books", TestBooks.json(isbn, "Draft", "A")).json().get("id").asString();

		var updated = http.put("/api/books/" + id, TestBooks.json(isbn, "Final", "A"), "If-Match", "\"0\"");
		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.header("ETag")).isEqualTo("\"1\"");
		assertThat(updated.json().get("title").asString()).isEqualTo("Final");

		var stale = http.put("/api/books/" + id, TestBooks.json(isbn, "Lost update", "A"), "If-Match", "\"0\"");
		assertThat(stale.status()).isEqualTo(412);
		assertThat(stale.header("Content-Type")).startsWith("application/problem+json");
		assertThat(http.get("/api/books/" + id).json().get("title").asString()).isEqualTo("Final");
	}

	/**
	 * Two librarians change one book from the same version at once. The test holds the
	 * book's row, so both read version 0, find it admitted, and wait at their writes;
	 * when the row is let go, the first write lands and the second finds no row still at
	 * version 0: a stale version, not a lost update.
	 */
	@Test
	void twoChangesDecidedOnOneVersionLetExactlyOneLand() throws Exception {
		String isbn = TestBooks.uniqueIsbn13();
		String id = http.post("/api/books", TestBooks.json(isbn, "Contested", "A")).json().get("id").asString();
		List<Integer> statuses = new ArrayList<>();
		try (Connection superuser = DriverManager.getConnection(service.jdbcUrl(), "postgres", "postgres");
				Statement sql = superuser.createStatement();
				ExecutorService pool = Executors.newFixedThreadPool(2)) {
			superuser.setAutoCommit(false);
			sql.execute("SELECT 1 FROM book_catalog.book WHERE id = '" + id + "' FOR UPDATE");
			List<Future<Integer>> changes = List.of(
					pool.submit(
							() -> http.put("/api/books/" + id, TestBooks.json(isbn, "First", "A"), "If-Match", "\"0\"")
								.status()),
					pool.submit(
							() -> http.put("/api/books/" + id, TestBooks.json(isbn, "Second", "A"), "If-Match", "\"0\"")
								.status()));
			await().atMost(Duration.ofSeconds(10))
				.until(() -> jdbc
					.sql("SELECT count(*) FROM pg_stat_activity WHERE usename = 'book_catalog_app' "
							+ "AND wait_event_type = 'Lock' AND query LIKE 'UPDATE book%'")
					.query(Long.class)
					.single() == 2);
			superuser.rollback();
			for (Future<Integer> change : changes) {
				statuses.add(change.get(10, TimeUnit.SECONDS));
			}
		}
		assertThat(statuses).containsExactlyInAnyOrder(200, 412);
		var book = http.get("/api/books/" + id);
		assertThat(book.header("ETag")).isEqualTo("\"1\"");
		assertThat(book.json().get("title").asString()).isEqualTo(statuses.getFirst() == 200 ? "First" : "Second");
	}

	@Test
	void requiresIfMatchToUpdate() {
		String isbn = TestBooks.uniqueIsbn13();
		String id = http.post("/api/books", TestBooks.json(isbn, "Guarded", "A")).json().get("id").asString();

		var response = http.put("/api/books/" + id, TestBooks.json(isbn, "Unguarded", "A"));

		assertThat(response.status()).isEqualTo(428);
		assertThat(http.get("/api/books/" + id).json().get("title").asString()).isEqualTo("Guarded");
	}

	@Test
	void refusesAnUpdateToAnotherBooksIsbn() {
		String taken = TestBooks.uniqueIsbn13();
		http.post("/api/books", TestBooks.json(taken, "Holder", "A"));
		String isbn = TestBooks.uniqueIsbn13();
		String id = http.post("/api/books", TestBooks.json(isbn, "Mover", "A")).json().get("id").asString();

		var response = http.put("/api/books/" + id, TestBooks.json(taken, "Mover", "A"), "If-Match", "\"0\"");

		assertThat(response.status()).isEqualTo(409);
		assertThat(http.get("/api/books/" + id).json().get("isbn").asString()).isEqualTo(isbn);
	}

	@Test
	void removesABook() {
		String id = http.post("/api/books", TestBooks.json("Gone")).json().get("id").asString();

		assertThat(http.delete("/api/books/" + id).status()).isEqualTo(204);
		assertThat(http.get("/api/books/" + id).status()).isEqualTo(404);
		assertThat(http.delete("/api/books/" + id).status()).isEqualTo(404);
	}

	@Test
	void searchesTitleAuthorAndIsbnInStableTitleOrder() {
		String marker = "zq" + System.nanoTime();
		String isbn = TestBooks.uniqueIsbn13();
		http.post("/api/books", TestBooks.json(isbn, marker + " Beta", "Octavia Butler"));
		http.post("/api/books", TestBooks.json(TestBooks.uniqueIsbn13(), marker + " alpha", "Octavia Butler"));
		http.post("/api/books", TestBooks.json(TestBooks.uniqueIsbn13(), marker + " Gamma", "Iain Banks"));

		JsonNode all = http.get("/api/books?q=" + marker + "&size=2").json();
		assertThat(titles(all)).containsExactly(marker + " alpha", marker + " Beta");
		assertThat(all.get("totalElements").asInt()).isEqualTo(3);
		assertThat(all.get("totalIsExact").asBoolean()).isTrue();
		assertThat(all.get("totalPages").asInt()).isEqualTo(2);
		assertThat(titles(http.get("/api/books?q=" + marker + "&size=2&page=1").json()))
			.containsExactly(marker + " Gamma");

		assertThat(titles(http.get("/api/books?q=" + marker + "&author=banks").json()))
			.containsExactly(marker + " Gamma");
		String hyphenated = isbn.substring(0, 3) + "-" + isbn.substring(3);
		assertThat(titles(http.get("/api/books?q=" + hyphenated).json())).containsExactly(marker + " Beta");
	}

	@Test
	void treatsLikeWildcardsInASearchAsPlainText() {
		assertThat(http.get("/api/books?q=%25%25%25zz_nothing").json().get("totalElements").asInt()).isZero();
	}

	@Test
	void rejectsBadPagingWith400() {
		var response = http.get("/api/books?size=1000&page=-1");

		assertThat(response.status()).isEqualTo(400);
		assertThat(fields(response.json())).contains("size", "page");
		assertThat(http.get("/api/books?page=abc").status()).isEqualTo(400);
	}

	@Test
	void aPageOfTheCatalogEndsWithinTheFirst10000Books() {
		assertThat(http.get("/api/books?size=20&page=499").status()).isEqualTo(200);
		assertThat(http.get("/api/books?size=100&page=99").status()).isEqualTo(200);

		var deep = http.get("/api/books?size=20&page=500");
		assertThat(deep.status()).isEqualTo(400);
		assertThat(fields(deep.json())).containsExactly("page");
		assertThat(deep.body()).contains("first 10000 books");
		assertThat(http.get("/api/books?size=100&page=100").status()).isEqualTo(400);
	}

	@Test
	void theCatalogsRoleHasAStatementTimeoutAndACutOffSearchIsA503ThatChangesNothing() throws Exception {
		try (Connection app = DriverManager.getConnection(service.jdbcUrl(), "book_catalog_app", "book_catalog_app");
				Statement sql = app.createStatement();
				ResultSet timeout = sql.executeQuery("SHOW statement_timeout")) {
			timeout.next();
			assertThat(timeout.getString(1)).isEqualTo("2s");
		}
		// the superuser holds the table, so every search waits until its time is up
		try (Connection superuser = DriverManager.getConnection(service.jdbcUrl(), "postgres", "postgres");
				Statement sql = superuser.createStatement()) {
			superuser.setAutoCommit(false);
			sql.execute("LOCK TABLE book_catalog.book IN ACCESS EXCLUSIVE MODE");
			long started = System.nanoTime();

			var cutOff = http.anonymous().get("/api/books?q=anything");

			assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
			assertThat(cutOff.status()).isEqualTo(503);
			assertThat(cutOff.header("Retry-After")).isEqualTo("1");
			assertThat(cutOff.header("Content-Type")).startsWith("application/problem+json");
			assertThat(cutOff.json().get("type").asString()).isEqualTo("urn:library:problem:timed-out");
			superuser.rollback();
		}
		assertThat(http.anonymous().get("/api/books?q=anything").status()).isEqualTo(200);
	}

	@Test
	void atMostFourSearchesReachTheDatabaseAtOnceTheRestWaitTheirTurn() throws Exception {
		// the superuser holds the table, so every search that reaches the database waits
		// there, visibly
		try (Connection superuser = DriverManager.getConnection(service.jdbcUrl(), "postgres", "postgres");
				Statement sql = superuser.createStatement()) {
			superuser.setAutoCommit(false);
			sql.execute("LOCK TABLE book_catalog.book IN ACCESS EXCLUSIVE MODE");
			try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
				List<Future<Http.Response>> searches = new ArrayList<>();
				for (int i = 0; i < 7; i++) {
					searches.add(callers.submit(() -> http.anonymous().get("/api/books?q=waiting")));
				}
				await().atMost(Duration.ofSeconds(5)).until(() -> waitingSearches(sql) == 4);
				// and no fifth follows while the four wait
				await().during(Duration.ofMillis(500))
					.atMost(Duration.ofSeconds(2))
					.until(() -> waitingSearches(sql) == 4);
				superuser.rollback();
				for (Future<Http.Response> search : searches) {
					// cut off by the statement timeout if it waited long enough at the
					// lock
					assertThat(search.get(30, TimeUnit.SECONDS).status()).isIn(200, 503);
				}
			}
		}
	}

	private static int waitingSearches(Statement sql) throws SQLException {
		try (ResultSet waiting = sql.executeQuery("SELECT count(*) FROM pg_stat_activity "
				+ "WHERE usename = 'book_catalog_app' AND wait_event_type = 'Lock'")) {
			waiting.next();
			return waiting.getInt(1);
		}
	}

	@Test
	void servesOpenApiAndHealthProbes() {
		JsonNode api = http.get("/v3/api-docs").json();
		assertThat(api.get("paths").has("/api/books")).isTrue();
		assertThat(api.get("paths").has("/api/books/{id}")).isTrue();

		assertThat(http.get("/actuator/health/liveness").json().get("status").asString()).isEqualTo("UP");
		assertThat(http.get("/actuator/health/readiness").json().get("status").asString()).isEqualTo("UP");
	}

	private long countWithIsbn(String isbn) {
		return jdbc.sql("SELECT count(*) FROM book WHERE isbn = ?").param(isbn).query(Long.class).single();
	}

	private static List<String> fields(JsonNode problem) {
		List<String> fields = new ArrayList<>();
		problem.get("errors").forEach(error -> fields.add(error.get("field").asString()));
		return fields;
	}

	private static List<String> titles(JsonNode page) {
		List<String> titles = new ArrayList<>();
		page.get("content").forEach(book -> titles.add(book.get("title").asString()));
		return titles;
	}

	@Test
	void theLocationOfANewBookCannotBeSteeredByAForgedHost() {
		var created = RawHttp.send(service.port(),
				"POST /api/books HTTP/1.1\r\nHost: evil.example\r\nX-Forwarded-Host: evil.example\r\n"
						+ "Content-Type: application/json\r\nAuthorization: Bearer "
						+ TestIssuer.shared().token(Caller.LIBRARIAN),
				TestBooks.json("Forged host"));

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.header("Location")).startsWith("/api/books/").doesNotContain("evil");
	}

	@Test
	void ifMatchComparesEntityTagsStronglyAndAcceptsAList() {
		String isbn = TestBooks.uniqueIsbn13();
		String id = http.post("/api/books", TestBooks.json(isbn, "Tags", "A")).json().get("id").asString();

		assertThat(http.put("/api/books/" + id, TestBooks.json(isbn, "Weak", "A"), "If-Match", "W/\"0\"").status())
			.isEqualTo(412);
		assertThat(http.put("/api/books/" + id, TestBooks.json(isbn, "Listed", "A"), "If-Match", "\"7\", \"0\"")
			.header("ETag")).isEqualTo("\"1\"");
		assertThat(http.put("/api/books/" + id, TestBooks.json(isbn, "Any", "A"), "If-Match", "*").header("ETag"))
			.isEqualTo("\"2\"");
		assertThat(http.delete("/api/books/" + id, "If-Match", "\"1\"").status()).isEqualTo(412);
		assertThat(http.delete("/api/books/" + id, "If-Match", "\"1\", \"2\"").status()).isEqualTo(204);
	}

	@Test
	void theFrontendsOriginMayCallAndReadTheHeadersItNeedsAndNoOtherOriginMay() {
		var preflight = http
			.send(http
				.builder("/api/books/" + UUID.randomUUID(), "Origin", "http://localhost:8080",
						"Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers",
						"if-match, content-type, authorization")
				.method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
		assertThat(preflight.status()).isEqualTo(200);
		assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:8080");
		assertThat(preflight.header("Access-Control-Allow-Headers").toLowerCase()).contains("if-match", "content-type",
				"authorization");

		var created = http.post("/api/books", TestBooks.json("Cross-origin"), "Origin", "http://localhost:8080",
				"Accept", "application/json");
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.header("Access-Control-Expose-Headers")).contains("ETag", "Location");

		var foreign = http
			.send(http.builder("/api/books", "Origin", "https://evil.example", "Access-Control-Request-Method", "POST")
				.method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
		assertThat(foreign.status()).isEqualTo(403);
		assertThat(foreign.header("Content-Type")).startsWith("application/problem+json");
	}

	@Test
	void searchFoldsCaseTheSameWayOnBothSidesWhateverTheDatabasesLocale() {
		String marker = "Straße" + UUID.randomUUID().toString().substring(0, 6);
		String id = http
			.post("/api/books", TestBooks.json(TestBooks.uniqueIsbn13(), "Über " + marker, "Ödön von Horváth"))
			.json()
			.get("id")
			.asString();

		for (String query : List.of("Über " + marker, "über " + marker.toLowerCase(Locale.ROOT),
				"ÜBER " + marker.toUpperCase(Locale.ROOT).replace("SS", "ß"))) {
			assertThat(
					http.get("/api/books?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)).json().get("content"))
				.as(query)
				.extracting(book -> book.get("id").asString())
				.contains(id);
		}
		assertThat(http.get("/api/books?author=" + URLEncoder.encode("ödön", StandardCharsets.UTF_8))
			.json()
			.get("content")).extracting(book -> book.get("id").asString()).contains(id);
	}

	@Test
	void anIsbn10QueryFindsTheBookStoredAsIsbn13() {
		String nine = String.format("%09d", Math.floorMod(System.nanoTime(), 1_000_000_000L));
		int sum = 0;
		for (int i = 0; i < 9; i++) {
			sum += (10 - i) * (nine.charAt(i) - '0');
		}
		int check = (11 - sum % 11) % 11;
		String isbn10 = nine + (check == 10 ? "X" : String.valueOf(check));
		var created = http.post("/api/books", TestBooks.json(isbn10, "Found by its old number", "A"));
		assertThat(created.status()).isEqualTo(201);
		String id = created.json().get("id").asString();

		String hyphenated = isbn10.substring(0, 1) + "-" + isbn10.substring(1, 4) + "-" + isbn10.substring(4, 9) + "-"
				+ isbn10.substring(9);
		for (String query : List.of(isbn10, hyphenated)) {
			assertThat(http.get("/api/books?q=" + query).json().get("content")).as(query)
				.extracting(book -> book.get("id").asString())
				.containsExactly(id);
		}
	}

}
