package org.library.inventory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.library.testsupport.Caller;
import org.library.testsupport.CatalogTopicFeed;
import org.library.testsupport.Contracts;
import org.library.testsupport.Http;
import org.library.testsupport.Http.Response;
import org.library.testsupport.LibraryServiceTest;
import org.library.testsupport.ServiceUnderTest;
import org.library.testsupport.TopicRecords;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Holds: a queue per book when no copy is on the shelf; a copy coming back goes to the
 * first reader in it, for her alone during the pickup window, then to the next.
 */
@LibraryServiceTest
class HoldsTest {

	private static final Duration PICKUP_WINDOW = Duration.ofDays(3);

	private final ServiceUnderTest service;

	private final Desk desk;

	private final Http ada;

	private final CatalogTopicFeed catalog;

	private final MovableClock clock;

	private final CirculationSweep sweep;

	HoldsTest(ServiceUnderTest service, CatalogTopicFeed catalog, @Autowired MovableClock clock,
			@Autowired CirculationSweep sweep) {
		this.service = service;
		this.desk = new Desk(service.http(), catalog);
		this.ada = service.http().as(Caller.ADA);
		this.catalog = catalog;
		this.clock = clock;
		this.sweep = sweep;
	}

	@AfterEach
	void demoReadersCloseEverything() {
		desk.closeEverythingOf(Caller.ADA);
		desk.closeEverythingOf(Caller.ALAN);
	}

	@Test
	void aHoldIsPlacedOnlyWhenNoCopyIsOnTheShelfAndGetsItsPlaceInTheQueue() {
		UUID book = desk.bookWithCopies(1);
		String borrower = Desk.newReader();
		String first = Desk.newReader();
		String second = Desk.newReader();

		Response needless = desk.hold(book, first);
		assertThat(needless.status()).isEqualTo(409);
		assertThat(needless.json().get("type").asString()).isEqualTo("urn:library:problem:copy-on-the-shelf");

		desk.lent(book, borrower);
		JsonNode placed = desk.hold(book, first).json();
		assertThat(placed.get("status").asString()).isEqualTo("WAITING");
		assertThat(placed.get("position").asInt()).isEqualTo(1);
		assertThat(placed.get("readyUntil").isNull()).isTrue();
		assertThat(desk.hold(book, second).json().get("position").asInt()).isEqualTo(2);
		Response adas = ada.post("/api/inventory/" + book + "/holds");
		assertThat(adas.status()).isEqualTo(201);
		assertThat(adas.header("Location")).isEqualTo("/api/holds/" + adas.json().get("id").asString());
		assertThat(adas.json().get("position").asInt()).isEqualTo(3);

		Response twice = desk.hold(book, first);
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.json().get("type").asString()).isEqualTo("urn:library:problem:hold-already-placed");
		assertThat(desk.hold(book, borrower).json().get("type").asString())
			.isEqualTo("urn:library:problem:already-borrowed");
		assertThat(ada.post("/api/inventory/" + book + "/holds", "{\"reader\":\"" + first + "\"}").status())
			.isEqualTo(403);
		assertThat(desk.librarian.post("/api/inventory/" + UUID.randomUUID() + "/holds", "{\"reader\":\"x\"}").status())
			.isEqualTo(404);

		assertThat(desk.librarian.get("/api/inventory/" + book + "/holds").json().get("holds"))
			.extracting(hold -> hold.get("reader").asString())
			.containsExactly(first, second, "ada");
		assertThat(ada.get("/api/inventory/" + book + "/holds").status()).isEqualTo(403);
		assertThat(ada.get("/api/holds").json().get("holds")).extracting(hold -> hold.get("id").asString())
			.containsExactly(adas.json().get("id").asString());
	}

	@Test
	void aReaderCancelsHerOwnHoldAndTheQueueMovesUp() {
		UUID book = desk.bookWithCopies(1);
		desk.lent(book, Desk.newReader());
		String adas = ada.post("/api/inventory/" + book + "/holds").json().get("id").asString();
		UUID behind = desk.held(book, Desk.newReader());

		assertThat(service.http().as(Caller.ALAN).post("/api/holds/" + adas + "/cancellation").status()).isEqualTo(403);
		assertThat(service.http().as(Caller.ALAN).get("/api/holds/" + adas).status()).isEqualTo(403);
		assertThat(desk.hold(behind).get("position").asInt()).isEqualTo(2);

		Response cancelled = ada.post("/api/holds/" + adas + "/cancellation");

		assertThat(cancelled.status()).isEqualTo(200);
		assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
		assertThat(ada.post("/api/holds/" + adas + "/cancellation").json().get("type").asString())
			.isEqualTo("urn:library:problem:hold-closed");
		assertThat(desk.hold(behind).get("position").asInt()).isEqualTo(1);
		assertThat(ada.get("/api/holds").json().get("holds")).isEmpty();
	}

	@Test
	void aReturnedCopyGoesToTheFirstHoldAndToNobodyElse() {
		UUID book = desk.bookWithCopies(1);
		UUID loan = desk.lent(book, Desk.newReader());
		String first = Desk.newReader();
		UUID firsts = desk.held(book, first);
		String second = Desk.newReader();
		UUID seconds = desk.held(book, second);

		desk.giveBack(loan);

		JsonNode ready = desk.hold(firsts);
		assertThat(ready.get("status").asString()).isEqualTo("READY");
		assertThat(ready.get("position").isNull()).isTrue();
		assertThat(Duration.between(clock.instant(), Instant.parse(ready.get("readyUntil").asString())))
			.isBetween(PICKUP_WINDOW.minusMinutes(1), PICKUP_WINDOW);
		assertThat(desk.hold(seconds).get("position").asInt()).isEqualTo(1);
		JsonNode stock = desk.stock(book);
		assertThat(stock.get("availableCopies").asInt()).isZero();
		assertThat(stock.get("heldCopies").asInt()).isEqualTo(1);
		assertThat(desk.lend(book, second).json().get("type").asString())
			.isEqualTo("urn:library:problem:no-copy-available");
		assertThat(desk.lend(book, Desk.newReader()).status()).isEqualTo(409);

		assertThat(desk.lend(book, first).status()).isEqualTo(201);
		assertThat(desk.hold(firsts).get("status").asString()).isEqualTo("FULFILLED");
		assertThat(desk.stock(book).get("heldCopies").asInt()).isZero();
		assertThat(desk.stock(book).get("onLoan").asInt()).isEqualTo(1);
	}

	@Test
	void anUncollectedCopyPassesToTheNextHoldAndThenToTheShelf() {
		UUID book = desk.bookWithCopies(1);
		UUID loan = desk.lent(book, Desk.newReader());
		UUID firsts = desk.held(book, Desk.newReader());
		UUID seconds = desk.held(book, Desk.newReader());
		desk.giveBack(loan);

		clock.advance(PICKUP_WINDOW.minusHours(1));
		sweep.sweep();
		assertThat(desk.hold(firsts).get("status").asString()).isEqualTo("READY");

		clock.advance(Duration.ofHours(2));
		sweep.sweep();
		assertThat(desk.hold(firsts).get("status").asString()).isEqualTo("EXPIRED");
		assertThat(desk.hold(seconds).get("status").asString()).isEqualTo("READY");
		assertThat(desk.stock(book).get("heldCopies").asInt()).isEqualTo(1);

		clock.advance(PICKUP_WINDOW.plusMinutes(1));
		sweep.sweep();
		assertThat(desk.hold(seconds).get("status").asString()).isEqualTo("EXPIRED");
		JsonNode stock = desk.stock(book);
		assertThat(stock.get("availableCopies").asInt()).isEqualTo(1);
		assertThat(stock.get("heldCopies").asInt()).isZero();
	}

	@Test
	void aCancelledReadyHoldPassesItsCopyOn() {
		UUID book = desk.bookWithCopies(1);
		UUID loan = desk.lent(book, Desk.newReader());
		UUID firsts = desk.held(book, Desk.newReader());
		UUID seconds = desk.held(book, Desk.newReader());
		desk.giveBack(loan);

		desk.librarian.post("/api/holds/" + firsts + "/cancellation");

		assertThat(desk.hold(seconds).get("status").asString()).isEqualTo("READY");
		assertThat(desk.stock(book).get("heldCopies").asInt()).isEqualTo(1);
	}

	@Test
	void copiesAddedGoToTheQueueBeforeTheShelf() {
		UUID book = desk.bookWithCopies(0);
		UUID firsts = desk.held(book, Desk.newReader());
		UUID seconds = desk.held(book, Desk.newReader());

		JsonNode stock = desk.librarian.post("/api/inventory/" + book + "/copies", "{\"count\":3}").json();

		assertThat(stock.get("availableCopies").asInt()).isEqualTo(1);
		assertThat(stock.get("heldCopies").asInt()).isEqualTo(2);
		assertThat(desk.hold(firsts).get("status").asString()).isEqualTo("READY");
		assertThat(desk.hold(seconds).get("status").asString()).isEqualTo("READY");
		assertThat(desk.librarian.post("/api/inventory/" + book + "/copies/removals", "{\"count\":2}").status())
			.isEqualTo(409);
	}

	@Test
	void aWithdrawnBooksQueueIsCancelledAndItsCopiesGoBackToTheShelf() {
		UUID book = desk.bookWithCopies(1);
		UUID loan = desk.lent(book, Desk.newReader());
		UUID firsts = desk.held(book, Desk.newReader());
		UUID seconds = desk.held(book, Desk.newReader());
		desk.giveBack(loan);

		catalog.tombstone(book, "librarian");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> "WITHDRAWN".equals(desk.stock(book).get("status").asString()));

		assertThat(desk.hold(firsts).get("status").asString()).isEqualTo("CANCELLED");
		assertThat(desk.hold(seconds).get("status").asString()).isEqualTo("CANCELLED");
		JsonNode stock = desk.stock(book);
		assertThat(stock.get("availableCopies").asInt()).isEqualTo(1);
		assertThat(stock.get("heldCopies").asInt()).isZero();
		assertThat(desk.hold(book, Desk.newReader()).json().get("type").asString())
			.isEqualTo("urn:library:problem:book-withdrawn");
	}

	@Test
	void everyHoldChangeIsAnAuditEventNamingItsReader() {
		UUID book = desk.bookWithCopies(1);
		UUID loan = desk.lent(book, Desk.newReader());
		String reader = Desk.newReader();
		UUID hold = desk.held(book, reader);
		desk.giveBack(loan);
		clock.advance(PICKUP_WINDOW.plusMinutes(1));
		sweep.sweep();
		desk.lent(book, Desk.newReader());
		UUID cancelled = desk.held(book, reader);
		desk.librarian.post("/api/holds/" + cancelled + "/cancellation");

		List<ConsumerRecord<String, String>> records = TopicRecords.awaitRecords(service.bootstrapServers(),
				"library.audit.book-inventory-service", book.toString(), 9);
		List<JsonNode> events = records.stream()
			.map(record -> Http.JSON.readTree(record.value()))
			.filter(event -> event.get("action").asString().startsWith("Hold"))
			.toList();

		assertThat(events).extracting(event -> event.get("action").asString())
			.containsExactly("HoldPlaced", "HoldReady", "HoldExpired", "HoldPlaced", "HoldCancelled");
		assertThat(events).extracting(event -> event.get("details").get("holdId").asString())
			.containsExactly(hold.toString(), hold.toString(), hold.toString(), cancelled.toString(),
					cancelled.toString());
		assertThat(events).allSatisfy(event -> {
			assertThat(event.get("entityType").asString()).isEqualTo("Book");
			assertThat(event.get("details").get("reader").asString()).isEqualTo(reader);
		});
		assertThat(events.getFirst().get("details").get("position").asInt()).isEqualTo(1);
		assertThat(events.get(2).get("actor").asString()).isEqualTo("book-inventory-service");
		assertThat(records)
			.allSatisfy(record -> assertThat(Contracts.violations(Contracts.AUDIT_EVENT, record.value())).isEmpty());
	}

}
