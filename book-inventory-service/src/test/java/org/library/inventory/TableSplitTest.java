package org.library.inventory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.library.contracts.Topics;
import org.library.testsupport.Caller;
import org.library.testsupport.CatalogTopicFeed;
import org.library.testsupport.Http;
import org.library.testsupport.LibraryServiceTest;
import org.library.testsupport.ServiceUnderTest;
import org.library.testsupport.TopicRecords;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The inventory's half of the book follows the catalog's topic, and only the topic.
 */
@LibraryServiceTest
class TableSplitTest {

	private final ServiceUnderTest service;

	private final Http http;

	private final CatalogTopicFeed catalog;

	TableSplitTest(ServiceUnderTest service, CatalogTopicFeed catalog) {
		this.service = service;
		this.catalog = catalog;
		this.http = service.http().as(Caller.LIBRARIAN);
	}

	@Test
	void aBookAddedToTheCatalogAppearsWithNoCopies() {
		UUID book = catalog.bookAdded();

		var stock = awaitKnown(book);

		assertThat(stock.get("totalCopies").asInt()).isZero();
		assertThat(stock.get("availableCopies").asInt()).isZero();
		assertThat(stock.get("onLoan").asInt()).isZero();
		assertThat(stock.get("status").asString()).isEqualTo("ACTIVE");
	}

	@Test
	void aSnapshotOfAKnownBookLeavesItsCopiesAlone() {
		UUID book = catalog.bookAdded();
		awaitKnown(book);
		http.post("/api/inventory/" + book + "/copies", "{\"count\":3}");

		catalog.snapshot(book, 1, "librarian");
		UUID sentinel = catalog.bookAdded();
		awaitKnown(sentinel);

		assertThat(http.get("/api/inventory/" + book).json().get("totalCopies").asInt()).isEqualTo(3);
	}

	@Test
	void aBookRemovedFromTheCatalogIsWithdrawnAndItsCopiesCanStillComeBack() {
		UUID book = catalog.bookAdded();
		awaitKnown(book);
		http.post("/api/inventory/" + book + "/copies", "{\"count\":2}");
		var lent = http.post("/api/inventory/" + book + "/loans", "{\"reader\":\"" + Desk.newReader() + "\"}");
		assertThat(lent.status()).isEqualTo(201);

		catalog.tombstone(book, "librarian-7");

		await().atMost(Duration.ofSeconds(30))
			.until(() -> "WITHDRAWN".equals(http.get("/api/inventory/" + book).json().get("status").asString()));
		var refused = http.post("/api/inventory/" + book + "/loans", "{\"reader\":\"" + Desk.newReader() + "\"}");
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("title").asString()).isEqualTo("Book withdrawn");
		assertThat(http.post("/api/loans/" + lent.json().get("id").asString() + "/return").status()).isEqualTo(200);
		assertThat(http.get("/api/inventory/" + book).json().get("availableCopies").asInt()).isEqualTo(2);

		List<ConsumerRecord<String, String>> audit = TopicRecords.awaitRecords(service.bootstrapServers(),
				"library.audit.book-inventory-service", book.toString(), 4);
		ConsumerRecord<String, String> withdrawn = audit.stream()
			.filter(record -> record.value().contains("\"BookWithdrawn\""))
			.findFirst()
			.orElseThrow();
		assertThat(Http.JSON.readTree(withdrawn.value()).get("actor").asString()).isEqualTo("librarian-7");
	}

	@Test
	void replayingTheTopicTwiceIntoAnEmptySchemaRebuildsTheSameRows() {
		UUID kept = UUID.randomUUID();
		UUID removed = UUID.randomUUID();
		Runnable history = () -> {
			catalog.snapshot(kept, 0, "a");
			catalog.snapshot(removed, 0, "a");
			catalog.snapshot(kept, 1, "a");
			catalog.tombstone(removed, "a");
		};
		history.run();
		awaitStatus(removed, "WITHDRAWN");
		awaitKnown(kept);
		List<Map<String, Object>> before = rows(kept, removed);

		owner().sql("DELETE FROM book_inventory WHERE book_id IN (?, ?)").params(kept, removed).update();
		history.run();
		history.run();
		UUID sentinel = catalog.bookAdded();
		awaitKnown(sentinel);

		assertThat(rows(kept, removed)).isEqualTo(before);
	}

	@Test
	void anUnreadableRecordGoesToTheDeadLetterTopicAndTheNextIsApplied() {
		UUID badValue = UUID.randomUUID();
		catalog.raw(badValue.toString(), "{ this is not json");
		catalog.raw("not-a-book-id", "{}");
		UUID wrongShape = UUID.randomUUID();
		catalog.raw(wrongShape.toString(), "{\"id\":\"" + UUID.randomUUID() + "\"}");
		UUID next = catalog.bookAdded();

		awaitKnown(next);
		Map<String, String> reasons = Map.of(badValue.toString(), "value is not JSON", "not-a-book-id",
				"key is not an id", wrongShape.toString(), "value is not the snapshot of");
		for (String key : reasons.keySet()) {
			ConsumerRecord<String, String> dead = TopicRecords
				.awaitRecords(service.bootstrapServers(), Topics.CATALOG_BOOKS + ".book-inventory-service.DLT", key, 1)
				.getFirst();
			assertThat(TopicRecords.header(dead, "kafka_dlt-exception-cause-fqcn")).endsWith("UnreadableRecord");
			assertThat(TopicRecords.header(dead, "kafka_dlt-exception-message")).contains(reasons.get(key));
			assertThat(TopicRecords.header(dead, "kafka_dlt-original-topic")).isEqualTo(Topics.CATALOG_BOOKS);
			assertThat(http.get("/api/inventory/" + key).status()).isIn(400, 404);
		}
	}

	@Test
	void aRecordWhoseDataTheDatabaseRefusesIsDeadLetteredWithTheReasonAndTheNextIsApplied() {
		UUID refused = UUID.randomUUID();
		// a rule only the database knows: nothing the listener checks first can tell this
		// book from any other
		owner()
			.sql("ALTER TABLE book_inventory ADD CONSTRAINT refuses_one_book CHECK (book_id <> '" + refused
					+ "') NOT VALID")
			.update();
		try {
			catalog.snapshot(refused, 0, "librarian");
			UUID next = catalog.bookAdded();

			awaitKnown(next);
			ConsumerRecord<String, String> dead = TopicRecords
				.awaitRecords(service.bootstrapServers(), Topics.CATALOG_BOOKS + ".book-inventory-service.DLT",
						refused.toString(), 1)
				.getFirst();
			assertThat(TopicRecords.header(dead, "kafka_dlt-exception-message")).contains("the database refused",
					"23514");
			assertThat(http.get("/api/inventory/" + refused).status()).isEqualTo(404);
		}
		finally {
			owner().sql("ALTER TABLE book_inventory DROP CONSTRAINT refuses_one_book").update();
		}
	}

	@Test
	void aDatabaseThatRefusesWritesHoldsTheRecordUntilItAcceptsThemAndNothingIsDeadLettered() {
		long deadLetters = TopicRecords.count(service.bootstrapServers(),
				Topics.CATALOG_BOOKS + ".book-inventory-service.DLT");
		owner().sql("REVOKE INSERT, UPDATE ON book_inventory FROM book_inventory_app").update();
		UUID book;
		try {
			book = catalog.bookAdded();
			await().atMost(Duration.ofSeconds(30)).until(() -> "DOWN".equals(http.health("consumers")));
			assertThat(http.get("/api/inventory/" + book).status()).isEqualTo(404);
		}
		finally {
			owner().sql("GRANT INSERT, UPDATE ON book_inventory TO book_inventory_app").update();
		}

		awaitKnown(book);
		await().atMost(Duration.ofSeconds(30)).until(() -> "UP".equals(http.health("consumers")));
		assertThat(TopicRecords.count(service.bootstrapServers(), Topics.CATALOG_BOOKS + ".book-inventory-service.DLT"))
			.isEqualTo(deadLetters);
	}

	private JsonNode awaitKnown(UUID book) {
		await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/inventory/" + book).status() == 200);
		return http.get("/api/inventory/" + book).json();
	}

	private void awaitStatus(UUID book, String status) {
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			var response = http.get("/api/inventory/" + book);
			return response.status() == 200 && status.equals(response.json().get("status").asString());
		});
	}

	private List<Map<String, Object>> rows(UUID... books) {
		return owner()
			.sql("SELECT book_id, total_copies, available_copies, status FROM book_inventory "
					+ "WHERE book_id = ANY(?) ORDER BY book_id")
			.param(books)
			.query()
			.listOfRows();
	}

	private JdbcClient owner() {
		return service.as("book_inventory_owner");
	}

}
