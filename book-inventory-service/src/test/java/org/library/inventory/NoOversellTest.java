package org.library.inventory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.library.testsupport.Caller;
import org.library.testsupport.CatalogTopicFeed;
import org.library.testsupport.Http;
import org.library.testsupport.Http.Response;
import org.library.testsupport.LibraryServiceTest;
import org.library.testsupport.ServiceInstances;
import org.library.testsupport.ServiceUnderTest;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * N copies make exactly N loans, however many callers race for them, on one instance or
 * several; a reader's limit holds when her requests race; and copies coming back while
 * readers queue go each to exactly one reader, in queue order.
 */
@LibraryServiceTest
class NoOversellTest {

	private final ServiceUnderTest service;

	private final Desk desk;

	NoOversellTest(ServiceUnderTest service, CatalogTopicFeed catalog) {
		this.service = service;
		this.desk = new Desk(service.http(), catalog);
	}

	@Test
	void lendsExactlyAsManyCopiesAsExistTo200ConcurrentCallers() throws Exception {
		UUID book = desk.bookWithCopies(10);

		List<Integer> statuses = lendConcurrently(book, 200, List.of(desk.librarian));

		assertThat(statuses).filteredOn(status -> status == 201).hasSize(10);
		assertThat(statuses).filteredOn(status -> status == 409).hasSize(190);
		assertThat(desk.stock(book).get("availableCopies").asInt()).isZero();
		assertThat(desk.librarian.get("/api/inventory/" + book + "/loans").json().get("loans")).hasSize(10);
	}

	@Test
	void lendsExactlyAsManyCopiesAsExistAcrossTwoInstances() throws Exception {
		UUID book = desk.bookWithCopies(10);
		try (ConfigurableApplicationContext second = ServiceInstances.start(InventoryApplication.class,
				service.bootstrapServers())) {
			Http other = new Http(ServiceInstances.port(second)).as(Caller.LIBRARIAN);

			List<Integer> statuses = lendConcurrently(book, 200, List.of(desk.librarian, other));

			assertThat(statuses).filteredOn(status -> status == 201).hasSize(10);
			assertThat(statuses).filteredOn(status -> status == 409).hasSize(190);
			assertThat(other.get("/api/inventory/" + book).json().get("availableCopies").asInt()).isZero();
			assertThat(other.get("/api/inventory/" + book + "/loans").json().get("loans")).hasSize(10);
		}
	}

	@Test
	void aReadersLimitHoldsWhenHerRequestsRace() throws Exception {
		String reader = Desk.newReader();
		List<Callable<Integer>> loans = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			UUID book = desk.bookWithCopies(1);
			loans.add(() -> desk.lend(book, reader).status());
		}

		List<Integer> statuses = all(loans);

		assertThat(statuses).filteredOn(status -> status == 201).hasSize(5);
		assertThat(desk.librarian.get("/api/loans?reader=" + reader).json().get("loans")).hasSize(5);
	}

	/**
	 * Two copies come back while three readers place holds, all at once: each copy goes
	 * to exactly one reader, the first in the queue; a hold placed after a copy reached
	 * the shelf is refused, and that copy can be borrowed by anyone.
	 */
	@RepeatedTest(5)
	void twoReturnsAndThreeHoldsRacingGiveEachCopyToOneReaderInQueueOrder() throws Exception {
		UUID book = desk.bookWithCopies(2);
		List<UUID> loans = List.of(desk.lent(book, Desk.newReader()), desk.lent(book, Desk.newReader()));
		List<String> waiting = List.of(Desk.newReader(), Desk.newReader(), Desk.newReader());
		List<Callable<Integer>> race = new ArrayList<>();
		loans.forEach(loan -> race.add(() -> desk.giveBack(loan).status()));
		waiting.forEach(reader -> race.add(() -> desk.hold(book, reader).status()));

		List<Integer> statuses = all(race);

		assertThat(statuses.subList(0, 2)).containsOnly(200);
		assertThat(statuses.subList(2, 5)).allMatch(status -> status == 201 || status == 409);
		JsonNode stock = desk.stock(book);
		List<JsonNode> queue = new ArrayList<>();
		desk.librarian.get("/api/inventory/" + book + "/holds").json().get("holds").forEach(queue::add);
		List<JsonNode> ready = queue.stream().filter(hold -> "READY".equals(hold.get("status").asString())).toList();
		assertThat(stock.get("onLoan").asInt()).isZero();
		assertThat(stock.get("heldCopies").asInt()).isEqualTo(ready.size());
		assertThat(stock.get("availableCopies").asInt() + ready.size()).isEqualTo(2);
		// a copy on the shelf means nobody was waiting when it came back
		if (stock.get("availableCopies").asInt() > 0) {
			assertThat(queue).allMatch(hold -> "READY".equals(hold.get("status").asString()));
		}
		// the ready holds are the first placed: none waits that was placed before one
		// ready
		List<JsonNode> stillWaiting = queue.stream()
			.filter(hold -> "WAITING".equals(hold.get("status").asString()))
			.toList();
		assertThat(stillWaiting).hasSize(queue.size() - ready.size());
		Comparator<JsonNode> placed = Comparator.comparing(hold -> Instant.parse(hold.get("placedAt").asString()));
		if (!ready.isEmpty() && !stillWaiting.isEmpty()) {
			assertThat(placed.compare(ready.stream().max(placed).orElseThrow(),
					stillWaiting.stream().min(placed).orElseThrow()))
				.isNegative();
		}

		// then everyone races for the copies: the ready readers get theirs, nobody gets
		// two
		List<String> readyReaders = ready.stream().map(hold -> hold.get("reader").asString()).toList();
		List<String> everyone = new ArrayList<>(waiting);
		everyone.add(Desk.newReader());
		everyone.add(Desk.newReader());
		List<Callable<Response>> borrow = everyone.stream()
			.<Callable<Response>>map(reader -> () -> desk.lend(book, reader))
			.toList();
		List<Response> lent = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(everyone.size())) {
			for (Future<Response> response : pool.invokeAll(borrow)) {
				lent.add(response.get());
			}
		}
		List<String> borrowers = lent.stream()
			.filter(response -> response.status() == 201)
			.map(response -> response.json().get("reader").asString())
			.toList();
		assertThat(borrowers).hasSize(2).doesNotHaveDuplicates().containsAll(readyReaders);
		assertThat(desk.stock(book).get("onLoan").asInt()).isEqualTo(2);
	}

	private List<Integer> lendConcurrently(UUID book, int callers, List<Http> instances) throws Exception {
		List<Callable<Integer>> loans = new ArrayList<>();
		for (int i = 0; i < callers; i++) {
			// a librarian lending to 200 readers, each on one of the instances
			Http librarian = instances.get(i % instances.size());
			String reader = Desk.newReader();
			loans.add(() -> librarian.post("/api/inventory/" + book + "/loans", "{\"reader\":\"" + reader + "\"}")
				.status());
		}
		return all(loans);
	}

	private static List<Integer> all(List<Callable<Integer>> work) throws Exception {
		List<Integer> statuses = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(50)) {
			for (Future<Integer> status : pool.invokeAll(work)) {
				statuses.add(status.get());
			}
		}
		return statuses;
	}

}
