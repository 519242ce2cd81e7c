package org.library.inventory;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.library.contracts.CloudEventHeaders;
import org.library.testsupport.Caller;
import org.library.testsupport.CatalogTopicFeed;
import org.library.testsupport.Contracts;
import org.library.testsupport.Http;
import org.library.testsupport.LibraryServiceTest;
import org.library.testsupport.ServiceUnderTest;
import org.library.testsupport.TopicRecords;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@LibraryServiceTest
class InventoryApiTest {

	private final ServiceUnderTest service;

	private final Http http;

	private final CatalogTopicFeed catalog;

	InventoryApiTest(ServiceUnderTest service, CatalogTopicFeed catalog) {
		this.service = service;
		this.catalog = catalog;
		this.http = service.http().as(Caller.LIBRARIAN);
	}

	@Test
	void answersABookItHasNeverSeenWith404() {
		var response = http.get("/api/inventory/" + UUID.randomUUID());

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().get("title").asString()).isEqualTo("Book not known");
		assertThat(http.post("/api/inventory/" + UUID.randomUUID() + "/loans", "{\"reader\":\"alan\"}").status())
			.isEqualTo(404);
		assertThat(http.get("/api/inventory/" + UUID.randomUUID() + "/loans").status()).isEqualTo(404);
		assertThat(http.get("/api/inventory/" + UUID.randomUUID() + "/holds").status()).isEqualTo(404);
		assertThat(http.post("/api/loans/" + UUID.randomUUID() + "/return").status()).isEqualTo(404);
		assertThat(http.post("/api/loans/" + UUID.randomUUID() + "/renewal").status()).isEqualTo(404);
		assertThat(http.post("/api/holds/" + UUID.randomUUID() + "/cancellation").status()).isEqualTo(404);
		assertThat(http.post("/api/inventory/" + UUID.randomUUID() + "/copies", "{\"count\":1}").status())
			.isEqualTo(404);
		assertThat(http.post("/api/inventory/" + UUID.randomUUID() + "/copies/removals", "{\"count\":1}").status())
			.isEqualTo(404);
	}

	@Test
	void answersAMalformedBookIdWith400() {
		var response = http.get("/api/inventory/42");

		assertThat(response.status()).isEqualTo(400);
		assertThat(fields(response.json())).containsExactly("bookId");
	}

	@Test
	void addsLendsTakesBackAndRemovesCopies() {
		UUID book = knownBook();

		JsonNode added = http.post("/api/inventory/" + book + "/copies", "{\"count\":3}").json();
		assertThat(added.get("totalCopies").asInt()).isEqualTo(3);
		assertThat(added.get("availableCopies").asInt()).isEqualTo(3);

		var lent = lend(book);
		assertThat(lent.status()).isEqualTo(201);
		assertThat(http.get("/api/inventory/" + book).json().get("availableCopies").asInt()).isEqualTo(2);
		assertThat(http.get("/api/inventory/" + book).json().get("onLoan").asInt()).isEqualTo(1);

		var back = http.post("/api/loans/" + lent.json().get("id").asString() + "/return");
		assertThat(back.status()).isEqualTo(200);
		assertThat(http.get("/api/inventory/" + book).json().get("onLoan").asInt()).isZero();

		var removed = http.post("/api/inventory/" + book + "/copies/removals", "{\"count\":2}");
		assertThat(removed.status()).isEqualTo(200);
		assertThat(removed.json().get("totalCopies").asInt()).isEqualTo(1);
	}

	@Test
	void refusesALoanWhenNoCopyIsOnTheShelf() {
		UUID book = knownBook();
		http.post("/api/inventory/" + book + "/copies", "{\"count\":1}");
		lend(book);

		var refused = lend(book);

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("title").asString()).isEqualTo("No copy available");
		assertThat(refused.json().get("onLoan").asInt()).isEqualTo(1);
		assertThat(http.get("/api/inventory/" + book).json().get("availableCopies").asInt()).isZero();
	}

	@Test
	void neverTakesOutOfStockACopyThatIsOnLoan() {
		UUID book = knownBook();
		http.post("/api/inventory/" + book + "/copies", "{\"count\":2}");
		lend(book);

		var refused = http.post("/api/inventory/" + book + "/copies/removals", "{\"count\":2}");

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("onLoan").asInt()).isEqualTo(1);
		assertThat(http.get("/api/inventory/" + book).json().get("totalCopies").asInt()).isEqualTo(2);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"count\":0}", "{\"count\":1001}", "{\"count\":-5}", "{}", "{\"count\":1.9}",
			"{\"count\":\"2\"}", "{\"count\":2,\"count\":3}", "{\"cuont\":2}" })
	void rejectsACountOutside1To1000(String body) {
		UUID book = knownBook();

		var response = http.post("/api/inventory/" + book + "/copies", body);

		assertThat(response.status()).isEqualTo(400);
		assertThat(fields(response.json())).containsExactly(body.contains("cuont") ? "cuont" : "count");
		assertThat(http.post("/api/inventory/" + book + "/copies/removals", body).status()).isEqualTo(400);
		assertThat(http.get("/api/inventory/" + book).json().get("totalCopies").asInt()).isZero();
	}

	@Test
	void rejectsMalformedJsonAWrongTypeAndAWrongMediaType() {
		UUID book = knownBook();

		assertThat(http.post("/api/inventory/" + book + "/copies", "{\"count\":").status()).isEqualTo(400);
		var wrongType = http.post("/api/inventory/" + book + "/copies", "{\"count\":\"many\"}");
		assertThat(wrongType.status()).isEqualTo(400);
		assertThat(fields(wrongType.json())).containsExactly("count");
		var text = http.send(http.builder("/api/inventory/" + book + "/copies", "Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString("3")));
		assertThat(text.status()).isEqualTo(415);
	}

	@Test
	void anActionCarriesJsonOrNoBodySoACrossSiteFormCannotLendOrReturn() {
		UUID book = knownBook();
		http.post("/api/inventory/" + book + "/copies", "{\"count\":1}");

		Http ada = http.as(Caller.ADA);
		var plain = http.send(ada.builder("/api/inventory/" + book + "/loans", "Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString("x")));
		var hold = http.send(ada.builder("/api/inventory/" + book + "/holds", "Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString("x")));
		String loan = lend(book).json().get("id").asString();
		var form = http
			.send(http.builder("/api/loans/" + loan + "/return", "Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("a=b")));

		assertThat(plain.status()).isEqualTo(415);
		assertThat(plain.header("Content-Type")).startsWith("application/problem+json");
		assertThat(hold.status()).isEqualTo(415);
		assertThat(form.status()).isEqualTo(415);
		assertThat(http.get("/api/inventory/" + book).json().get("onLoan").asInt()).isEqualTo(1);
		assertThat(http.post("/api/loans/" + loan + "/return").status()).isEqualTo(200);
	}

	@Test
	void everyChangeIsRecordedOnceInTheAuditTrailWithItsCaller() {
		UUID book = knownBook();
		Http ada = http.as(Caller.ADA);
		http.post("/api/inventory/" + book + "/copies", "{\"count\":2}");
		String loan = ada.post("/api/inventory/" + book + "/loans").json().get("id").asString();
		ada.post("/api/loans/" + loan + "/return");
		http.post("/api/inventory/" + book + "/copies/removals", "{\"count\":1}");
		http.post("/api/inventory/" + book + "/copies/removals", "{\"count\":5}"); // refused:
																					// records
																					// nothing
		http.post("/api/loans/" + loan + "/return"); // refused: records nothing

		List<ConsumerRecord<String, String>> records = TopicRecords.awaitRecords(service.bootstrapServers(),
				"library.audit.book-inventory-service", book.toString(), 4);

		List<JsonNode> events = records.stream().map(record -> Http.JSON.readTree(record.value())).toList();
		assertThat(events).extracting(event -> event.get("action").asString())
			.containsExactly("CopiesAdded", "LoanOpened", "LoanReturned", "CopiesRemoved");
		assertThat(events).extracting(event -> event.get("actor").asString())
			.containsExactly("librarian", "ada", "ada", "librarian");
		assertThat(events).allSatisfy(event -> {
			assertThat(event.get("source").asString()).isEqualTo("book-inventory-service");
			assertThat(event.get("entityType").asString()).isEqualTo("Book");
			assertThat(event.get("entityId").asString()).isEqualTo(book.toString());
		});
		assertThat(events.getFirst().get("details").get("count").asInt()).isEqualTo(2);
		assertThat(records)
			.allSatisfy(record -> assertThat(Contracts.violations(Contracts.AUDIT_EVENT, record.value())).isEmpty());
		assertThat(records).allSatisfy(record -> assertThat(TopicRecords.header(record, CloudEventHeaders.ID))
			.isEqualTo(Http.JSON.readTree(record.value()).get("id").asString()));
	}

	@Test
	void servesOpenApiAndHealthProbes() {
		JsonNode api = http.get("/v3/api-docs").json();
		assertThat(api.get("paths").has("/api/inventory/{bookId}/loans")).isTrue();
		assertThat(api.get("paths").has("/api/loans/{loanId}/return")).isTrue();
		assertThat(api.get("paths").has("/api/holds/{holdId}/cancellation")).isTrue();
		assertThat(http.get("/actuator/health/liveness").json().get("status").asString()).isEqualTo("UP");
		assertThat(http.get("/actuator/health/readiness").json().get("status").asString()).isEqualTo("UP");
	}

	/** A librarian lends a copy to a reader nobody has lent to. */
	private Http.Response lend(UUID book) {
		return http.post("/api/inventory/" + book + "/loans", "{\"reader\":\"" + Desk.newReader() + "\"}");
	}

	private UUID knownBook() {
		UUID book = catalog.bookAdded();
		await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/inventory/" + book).status() == 200);
		return book;
	}

	private static List<String> fields(JsonNode problem) {
		List<String> fields = new ArrayList<>();
		problem.get("errors").forEach(error -> fields.add(error.get("field").asString()));
		return fields;
	}

}
