package org.library.readinglist;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
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
 * The reading list's own copy of the catalog follows the catalog's topic, and only the
 * topic.
 */
@LibraryServiceTest
class CatalogReplicaTest {

	private final ServiceUnderTest service;

	private final Http http;

	private final CatalogTopicFeed catalog;

	CatalogReplicaTest(ServiceUnderTest service, CatalogTopicFeed catalog) {
		this.service = service;
		this.catalog = catalog;
		this.http = service.http().as(Caller.ADA);
	}

	@BeforeEach
	void startWithEmptyLists() {
		Readers.clearLists(service);
	}

	@Test
	void aRenameInTheCatalogShowsInEveryListThatHoldsTheBook() {
		UUID book = UUID.randomUUID();
		catalog.snapshot(book, 0, "Working title", List.of("First Author"), "librarian");
		String ada = Caller.ADA.subject();
		String alan = Caller.ALAN.subject();
		await().atMost(Duration.ofSeconds(30)).until(() -> http.put(item(ada, book), "").status() == 201);
		http.as(Caller.ALAN).put(item(alan, book), "");

		catalog.snapshot(book, 1, "Final title", List.of("First Author", "Second Author"), "librarian");

		await().atMost(Duration.ofSeconds(30))
			.until(() -> "Final title".equals(firstItem(ada).get("title").asString()));
		JsonNode shownToAlan = http.as(Caller.ALAN)
			.get("/api/readers/" + alan + "/reading-list")
			.json()
			.get("items")
			.get(0);
		assertThat(shownToAlan.get("title").asString()).isEqualTo("Final title");
		assertThat(shownToAlan.get("authors")).hasSize(2);
	}

	@Test
	void anOlderSnapshotDeliveredLateDoesNotUndoANewerOne() {
		UUID book = UUID.randomUUID();
		String reader = Caller.ADA.subject();
		catalog.snapshot(book, 0, "v0", List.of("A"), "librarian");
		catalog.snapshot(book, 2, "v2", List.of("A"), "librarian");
		catalog.snapshot(book, 1, "v1", List.of("A"), "librarian");
		UUID sentinel = catalog.bookAdded();
		await().atMost(Duration.ofSeconds(30)).until(() -> http.put(item(reader, sentinel), "").status() == 201);
		http.put(item(reader, book), "");

		assertThat(http.get("/api/readers/" + reader + "/reading-list").json().get("items"))
			.extracting(item -> item.get("title").asString())
			.contains("v2");
	}

	@Test
	void aBookRemovedFromTheCatalogStaysOnListsFlagged() {
		UUID book = UUID.randomUUID();
		String reader = Caller.ADA.subject();
		catalog.snapshot(book, 0, "Doomed", List.of("A"), "librarian");
		await().atMost(Duration.ofSeconds(30)).until(() -> http.put(item(reader, book), "").status() == 201);

		catalog.tombstone(book, "librarian");

		await().atMost(Duration.ofSeconds(30)).until(() -> firstItem(reader).get("removedFromCatalog").asBoolean());
		assertThat(firstItem(reader).get("title").asString()).isEqualTo("Doomed");
	}

	@Test
	void replayingTheTopicTwiceGivesTheSameRows() {
		UUID kept = UUID.randomUUID();
		UUID removed = UUID.randomUUID();
		Runnable history = () -> {
			catalog.snapshot(kept, 0, "Kept", List.of("A"), "a");
			catalog.snapshot(removed, 0, "Removed", List.of("B"), "a");
			catalog.snapshot(kept, 1, "Kept, renamed", List.of("A", "C"), "a");
			catalog.tombstone(removed, "a");
		};
		history.run();
		awaitApplied();
		List<Map<String, Object>> before = rows(kept, removed);
		assertThat(before).hasSize(2);

		history.run();
		history.run();
		awaitApplied();

		assertThat(rows(kept, removed)).isEqualTo(before);
	}

	@Test
	void anUnreadableRecordGoesToTheDeadLetterTopicAndTheNextIsApplied() {
		UUID noTitle = UUID.randomUUID();
		catalog.raw(noTitle.toString(), "{\"id\":\"" + noTitle + "\",\"isbn\":\"9780441478125\",\"authors\":[\"A\"]}");
		catalog.raw("not-an-id", "{}");
		UUID next = UUID.randomUUID();
		catalog.snapshot(next, 0, "After the poison", List.of("A"), "librarian");

		String reader = Caller.ADA.subject();
		await().atMost(Duration.ofSeconds(30)).until(() -> http.put(item(reader, next), "").status() == 201);
		Map<String, String> reasons = Map.of(noTitle.toString(), "has no title", "not-an-id", "key is not an id");
		reasons.forEach((key, reason) -> {
			ConsumerRecord<String, String> dead = TopicRecords
				.awaitRecords(service.bootstrapServers(), Topics.CATALOG_BOOKS + ".reading-list-service.DLT", key, 1)
				.getFirst();
			assertThat(TopicRecords.header(dead, "kafka_dlt-exception-message")).contains(reason);
		});
	}

	@Test
	void aRecordTheDatabaseRefusesOrWithControlCharactersIsDeadLetteredAndTheNextIsApplied() {
		JdbcClient owner = service.as("reading_list_owner");
		// a rule only the database knows: nothing the listener checks first can tell this
		// title from any other
		owner
			.sql("ALTER TABLE catalog_book ADD CONSTRAINT refuses_one_title CHECK (title <> 'Refused by Postgres') "
					+ "NOT VALID")
			.update();
		try {
			UUID refused = UUID.randomUUID();
			catalog.snapshot(refused, 0, "Refused by Postgres", List.of("A"), "librarian");
			UUID bell = UUID.randomUUID();
			catalog.snapshot(bell, 0, "A \\u0007 bell", List.of("A"), "librarian");
			UUID next = UUID.randomUUID();
			catalog.snapshot(next, 0, "After the refusal", List.of("A"), "librarian");

			await().atMost(Duration.ofSeconds(30)).until(() -> !rows(next).isEmpty());
			Map<String, String> reasons = Map.of(refused.toString(), "23514", bell.toString(), "control characters");
			reasons.forEach((key,
					reason) -> assertThat(TopicRecords.header(TopicRecords
						.awaitRecords(service.bootstrapServers(), Topics.CATALOG_BOOKS + ".reading-list-service.DLT",
								key, 1)
						.getFirst(), "kafka_dlt-exception-message")).as(key).contains(reason));
			assertThat(rows(refused, bell)).isEmpty();
		}
		finally {
			owner.sql("ALTER TABLE catalog_book DROP CONSTRAINT refuses_one_title").update();
		}
	}

	/**
	 * A fresh book's snapshot, sent last, has been applied: everything before it on its
	 * partition has too.
	 */
	private void awaitApplied() {
		UUID sentinel = catalog.bookAdded();
		await().atMost(Duration.ofSeconds(30)).until(() -> !rows(sentinel).isEmpty());
	}

	private JsonNode firstItem(String reader) {
		return http.get("/api/readers/" + reader + "/reading-list").json().get("items").get(0);
	}

	private List<Map<String, Object>> rows(UUID... books) {
		return service.as("reading_list_owner")
			.sql("SELECT book_id, isbn, title, array_to_string(authors, '|') AS authors, catalog_version, removed "
					+ "FROM catalog_book WHERE book_id = ANY(?) ORDER BY book_id")
			.param(books)
			.query()
			.listOfRows();
	}

	private static String item(String reader, UUID book) {
		return "/api/readers/" + reader + "/reading-list/" + book;
	}

}
