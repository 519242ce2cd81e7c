package org.library.catalog;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.library.testsupport.Caller;
import org.library.testsupport.Http;
import org.library.testsupport.RawHttp;
import org.library.testsupport.ServiceUnderTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a hostile or careless client sends gets a clear 4xx problem naming what is wrong,
 * never a 5xx or an HTML page, and changes nothing: no book, no event.
 */
@CatalogIntegrationTest
class HostileInputTest {

	@Autowired
	JdbcClient jdbc;

	private final ServiceUnderTest service;

	private final Http http;

	long[] before;

	HostileInputTest(ServiceUnderTest service) {
		this.service = service;
		this.http = service.http().as(Caller.LIBRARIAN);
	}

	@BeforeEach
	void setUp() {
		before = writes();
	}

	@AfterEach
	void nothingChanged() {
		assertThat(writes()).as("books and outbox events written").containsExactly(before);
	}

	@Test
	void aControlCharacterInAnyTextFieldIsRefusedNamingTheField() {
		assertNamesField(http.post("/api/books", body("\"title\":\"Nul\\u0000here\"", "\"authors\":[\"A\"]")), "title");
		assertNamesField(http.post("/api/books", body("\"title\":\"T\"", "\"authors\":[\"Ok\",\"Bell\\u0007\"]")),
				"authors[1]");
	}

	@Test
	void jsonIsReadStrictly() {
		assertNamesField(
				http.post("/api/books", body("\"title\":\"T\"", "\"authors\":[\"A\"]", "\"publishedYear\":\"1999\"")),
				"publishedYear");
		assertNamesField(
				http.post("/api/books", body("\"title\":\"T\"", "\"authors\":[\"A\"]", "\"publishedYear\":1999.5")),
				"publishedYear");
		assertNamesField(http.post("/api/books", body("\"title\":42", "\"authors\":[\"A\"]")), "title");
		assertNamesField(http.post("/api/books", body("\"titel\":\"Typo\"", "\"title\":\"T\"", "\"authors\":[\"A\"]")),
				"titel");
		assertNamesField(http.post("/api/books", body("\"title\":\"One\"", "\"title\":\"Two\"", "\"authors\":[\"A\"]")),
				"title");
		var trailing = http.post("/api/books", body("\"title\":\"T\"", "\"authors\":[\"A\"]") + " {}");
		assertProblem(trailing, 400);
		assertThat(trailing.json().get("detail").asString()).contains("more after its JSON value");
	}

	@Test
	void badQueryParametersAreRefusedNamingThem() {
		var control = http.get("/api/books?q=%00");
		assertProblem(control, 400);
		assertThat(control.json().get("detail").asString()).contains("parameter: \"q");
		assertNamesField(RawHttp.send(service.port(), "GET /api/books?q=%zz HTTP/1.1", null), "query");
		assertNamesField(http.get("/api/books?q=%C3%28"), "query");
		StringBuilder many = new StringBuilder("/api/books?q=x");
		for (int i = 0; i < 1100; i++) {
			many.append("&p").append(i).append("=1");
		}
		assertNamesField(service.http().get(many.toString()), "query"); // anonymous: a
																		// token would not
																		// fit in the
																		// headers too
	}

	@Test
	void whatTomcatRefusesItselfIsAProblemToo() {
		assertProblem(RawHttp.send(service.port(), "GET /api/books/%zz HTTP/1.1", null), 400);
		assertProblem(RawHttp.send(service.port(), "GET /api/books/a%2Fb HTTP/1.1", null), 400);
		var huge = RawHttp.send(service.port(), "GET /api/books HTTP/1.1\r\nX-Padding: " + "x".repeat(9000), null);
		assertThat(huge.status()).isBetween(400, 499);
		assertThat(huge.header("Content-Type")).startsWith("application/problem+json");
	}

	@Test
	void aChangeCarriesJsonOrNothing() {
		String book = body("\"title\":\"T\"", "\"authors\":[\"A\"]");
		assertProblem(http.send(http.builder("/api/books", "Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString(book))), 415);
		assertProblem(http.send(http.builder("/api/books", "Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("title=T"))), 415);
	}

	@Test
	void ifMatchIsWeighedOnlyOnceTheBookIsFound() {
		String unknown = UUID.randomUUID().toString();
		assertProblem(http.put("/api/books/" + unknown, TestBooks.json("X"), "If-Match", "\"0\""), 404);
		assertProblem(http.put("/api/books/" + unknown, TestBooks.json("X"), "If-Match", "W/\"0\""), 404);
		assertProblem(http.delete("/api/books/" + unknown, "If-Match", "\"0\""), 404);
		assertNamesField(http.put("/api/books/" + unknown, TestBooks.json("X"), "If-Match", "not-a-tag"), "If-Match");
	}

	private static String body(String... fields) {
		List<String> all = new ArrayList<>(List.of("\"isbn\":\"" + TestBooks.uniqueIsbn13() + "\""));
		all.addAll(List.of(fields));
		return "{" + String.join(",", all) + "}";
	}

	private static void assertNamesField(Http.Response response, String field) {
		assertProblem(response, 400);
		assertThat(response.json().path("errors").findValuesAsString("field")).as(response.body()).contains(field);
	}

	private static void assertProblem(Http.Response response, int status) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
	}

	/**
	 * How many books there are, and the last outbox event id taken: unchanged means
	 * nothing was written.
	 */
	private long[] writes() {
		return new long[] { jdbc.sql("SELECT count(*) FROM book").query(Long.class).single(),
				jdbc.sql("SELECT last_value FROM outbox_event_id_seq").query(Long.class).single() };
	}

}
