package org.library.readinglist;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.library.testsupport.Caller;
import org.library.testsupport.CatalogTopicFeed;
import org.library.testsupport.Contracts;
import org.library.testsupport.Http;
import org.library.testsupport.LibraryServiceTest;
import org.library.testsupport.ServiceUnderTest;
import org.library.testsupport.TopicRecords;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@LibraryServiceTest
class ReadingListApiTest {

	private final ServiceUnderTest service;

	private final Http http;

	private final CatalogTopicFeed catalog;

	ReadingListApiTest(ServiceUnderTest service, CatalogTopicFeed catalog) {
		this.service = service;
		this.catalog = catalog;
		this.http = service.http().as(Caller.ADA);
	}

	@BeforeEach
	void startWithEmptyLists() {
		Readers.clearLists(service);
	}

	@Test
	void aReaderWithNoListHasAnEmptyOne() {
		JsonNode list = http.get("/api/readers/ada/reading-list").json();

		assertThat(list.get("items")).isEmpty();
		assertThat(list.get("totalElements").asInt()).isZero();
	}

	@Test
	void addsABookOnceAndShowsItWithItsCatalogDescription() {
		String reader = reader();
		UUID book = knownBook("The Dispossessed", "Ursula K. Le Guin");

		var added = http.put(item(reader, book), "");
		assertThat(added.status()).isEqualTo(201);
		assertThat(added.json().get("status").asString()).isEqualTo("WANT_TO_READ");
		var again = http.put(item(reader, book), "");
		assertThat(again.status()).isEqualTo(200);

		JsonNode list = http.get("/api/readers/" + reader + "/reading-list").json();
		assertThat(list.get("items")).hasSize(1);
		JsonNode item = list.get("items").get(0);
		assertThat(item.get("bookId").asString()).isEqualTo(book.toString());
		assertThat(item.get("title").asString()).isEqualTo("The Dispossessed");
		assertThat(item.get("authors").get(0).asString()).isEqualTo("Ursula K. Le Guin");
		assertThat(item.get("isbn").asString()).isEqualTo("9780441478125");
		assertThat(item.get("removedFromCatalog").asBoolean()).isFalse();
		assertThat(item.get("addedAt").asString()).isNotBlank();
	}

	@Test
	void listsNewestFirstPageByPage() {
		String reader = reader();
		List<String> added = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			UUID book = knownBook("Book " + i, "A");
			http.put(item(reader, book), "");
			added.add(book.toString());
		}

		JsonNode first = http.get("/api/readers/" + reader + "/reading-list?size=2").json();
		JsonNode last = http.get("/api/readers/" + reader + "/reading-list?size=2&page=2").json();

		assertThat(first.get("items")).extracting(item -> item.get("bookId").asString())
			.containsExactly(added.get(4), added.get(3));
		assertThat(last.get("items")).extracting(item -> item.get("bookId").asString()).containsExactly(added.get(0));
		assertThat(first.get("totalElements").asInt()).isEqualTo(5);
		assertThat(first.get("totalPages").asInt()).isEqualTo(3);
	}

	@Test
	void refusesABookTheCatalogDoesNotKnowWith404() {
		var response = http.put(item(reader(), UUID.randomUUID()), "");

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.json().get("title").asString()).isEqualTo("Book not in catalog");
	}

	@Test
	void refusesABookRemovedFromTheCatalogWith409() {
		UUID book = knownBook("Gone", "A");
		catalog.tombstone(book, "librarian");
		await().atMost(Duration.ofSeconds(30)).until(() -> copied(book, "removed"));
		String reader = reader();

		var response = http.put(item(reader, book), "");

		assertThat(response.status()).isEqualTo(409);
		assertThat(response.json().get("title").asString()).isEqualTo("Book removed from catalog");
		assertThat(http.get("/api/readers/" + reader + "/reading-list").json().get("items")).isEmpty();
	}

	@Test
	void changesTheReadingStatus() {
		String reader = reader();
		UUID book = knownBook("Status", "A");
		http.put(item(reader, book), "");

		var reading = http.send(http.builder(item(reader, book), "Content-Type", "application/json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString("{\"status\":\"READING\"}")));

		assertThat(reading.status()).isEqualTo(200);
		assertThat(reading.json().get("status").asString()).isEqualTo("READING");
		assertThat(http.get("/api/readers/" + reader + "/reading-list")
			.json()
			.get("items")
			.get(0)
			.get("status")
			.asString()).isEqualTo("READING");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"status\":\"DONE\"}", "{\"status\":\"reading\"}", "{\"status\":null}", "{}",
			"{\"status\":", "[]" })
	void rejectsAnyOtherStatusWith400(String body) {
		String reader = reader();
		UUID book = knownBook("Strict", "A");
		http.put(item(reader, book), "");

		var response = patch(item(reader, book), body);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(http.get("/api/readers/" + reader + "/reading-list")
			.json()
			.get("items")
			.get(0)
			.get("status")
			.asString()).isEqualTo("WANT_TO_READ");
	}

	@Test
	void answersAStatusChangeForABookNotOnTheListWith404() {
		assertThat(patch(item(reader(), knownBook("Elsewhere", "A")), "{\"status\":\"READING\"}").status())
			.isEqualTo(404);
	}

	@Test
	void removesABookAndAnswers404WhenItIsNotThere() {
		String reader = reader();
		UUID book = knownBook("Leaving", "A");
		http.put(item(reader, book), "");

		assertThat(http.delete(item(reader, book)).status()).isEqualTo(204);
		assertThat(http.delete(item(reader, book)).status()).isEqualTo(404);
		assertThat(http.get("/api/readers/" + reader + "/reading-list").json().get("items")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "has%20space", "semi%3Bcolon", "quote%27s", "%3Cscript%3E",
			"x123456789x123456789x123456789x123456789x123456789x123456789xxxxx" })
	void refusesAReaderIdOutsideTheSafeCharacterSet(String readerId) {
		// never the token's subject: refused as someone else's list (403), or earlier as
		// a malformed path (400)
		var response = http.get("/api/readers/" + readerId + "/reading-list");

		assertThat(response.status()).as(response.body()).isIn(400, 403);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(http.put("/api/readers/" + readerId + "/reading-list/" + UUID.randomUUID(), "").status()).isIn(400,
				403);
	}

	@Test
	void refusesAnEncodedSlashInTheReaderId() {
		// Tomcat itself refuses it, before the application sees the request
		assertThat(http.get("/api/readers/a%2Fb/reading-list").status()).isEqualTo(400);
	}

	@Test
	void answersAMalformedBookIdWith400() {
		var response = http.put("/api/readers/" + reader() + "/reading-list/not-a-uuid", "");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("bookId");
	}

	@Test
	void holdsAtMost1000BooksPerReader() {
		String reader = reader();
		owner().sql("""
				WITH books AS (
				  INSERT INTO catalog_book (book_id, isbn, title, authors, catalog_version)
				  SELECT gen_random_uuid(), '9780441478125', 'Filler ' || n, ARRAY['A'], 0
				    FROM generate_series(1, 1000) AS n RETURNING book_id)
				INSERT INTO reading_list_item (reader_id, book_id, status, added_at, updated_at)
				SELECT ?, book_id, 'WANT_TO_READ', now(), now() FROM books""").param(reader).update();
		UUID oneMore = knownBook("One too many", "A");

		var response = http.put(item(reader, oneMore), "");

		assertThat(response.status()).isEqualTo(409);
		assertThat(response.json().get("title").asString()).isEqualTo("Reading list full");
		assertThat(http.get("/api/readers/" + reader + "/reading-list").json().get("totalElements").asInt())
			.isEqualTo(1000);
	}

	@Test
	void everyChangeIsRecordedOnceInTheAuditTrailWithItsCaller() {
		String reader = reader();
		UUID book = knownBook("Audited", "A");
		http.put(item(reader, book), "");
		http.put(item(reader, book), ""); // already there: records nothing
		patch(item(reader, book), "{\"status\":\"FINISHED\"}");
		http.delete(item(reader, book));

		List<ConsumerRecord<String, String>> records = TopicRecords.awaitRecords(service.bootstrapServers(),
				"library.audit.reading-list-service", book.toString(), 3);

		List<JsonNode> events = records.stream().map(record -> Http.JSON.readTree(record.value())).toList();
		assertThat(events).extracting(event -> event.get("action").asString())
			.containsExactly("BookListed", "ReadingStatusChanged", "BookUnlisted");
		assertThat(events).extracting(event -> event.get("actor").asString()).containsExactly("ada", "ada", "ada");
		assertThat(events).allSatisfy(event -> {
			assertThat(event.get("source").asString()).isEqualTo("reading-list-service");
			assertThat(event.get("entityType").asString()).isEqualTo("ReadingListItem");
			assertThat(event.get("details").get("readerId").asString()).isEqualTo(reader);
		});
		assertThat(events.get(1).get("details").get("to").asString()).isEqualTo("FINISHED");
		assertThat(records)
			.allSatisfy(record -> assertThat(Contracts.violations(Contracts.AUDIT_EVENT, record.value())).isEmpty());
	}

	@Test
	void servesOpenApiAndHealthProbes() {
		assertThat(http.get("/v3/api-docs").json().get("paths").has("/api/readers/{readerId}/reading-list/{bookId}"))
			.isTrue();
		assertThat(http.get("/actuator/health/readiness").json().get("status").asString()).isEqualTo("UP");
	}

	@Test
	void aStatusChangeRacingTheRemovalOfItsItemIsEitherDoneOrNotFoundNeverAnError() throws Exception {
		UUID book = knownBook("Kindred", "Octavia E. Butler");
		for (int attempt = 0; attempt < 25; attempt++) {
			String reader = reader();
			assertThat(http.put(item(reader, book), "").status()).isEqualTo(201);
			var change = CompletableFuture
				.supplyAsync(() -> patch(item(reader, book), "{\"status\":\"READING\"}").status());
			var removal = CompletableFuture.supplyAsync(() -> http.delete(item(reader, book)).status());

			assertThat(change.get()).isIn(200, 404);
			assertThat(removal.get()).isEqualTo(204);
		}
	}

	private Http.Response patch(String path, String body) {
		return http.send(http.builder(path, "Content-Type", "application/json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
	}

	private UUID knownBook(String title, String author) {
		UUID book = UUID.randomUUID();
		catalog.snapshot(book, 0, title, List.of(author), "librarian");
		await().atMost(Duration.ofSeconds(30)).until(() -> copied(book, "true"));
		return book;
	}

	/**
	 * Whether the service's catalog replica holds the book, whatever its removed flag
	 * ("true") or with it.
	 */
	private boolean copied(UUID book, String removedCondition) {
		return owner().sql("SELECT count(*) FROM catalog_book WHERE book_id = ? AND " + removedCondition)
			.param(book)
			.query(Long.class)
			.single() == 1;
	}

	private JdbcClient owner() {
		return service.as("reading_list_owner");
	}

	private static String item(String reader, UUID book) {
		return "/api/readers/" + reader + "/reading-list/" + book;
	}

	/** The reader every test here signs in as; her list is emptied before each test. */
	private static String reader() {
		return Caller.ADA.subject();
	}

}
