package org.library.inventory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.library.testsupport.Caller;
import org.library.testsupport.CatalogTopicFeed;
import org.library.testsupport.Http;
import org.library.testsupport.LibraryServiceTest;
import org.library.testsupport.ServiceInstances;
import org.library.testsupport.ServiceUnderTest;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * N copies allow exactly N checkouts, however many callers race for them, on one instance
 * or several.
 */
@LibraryServiceTest
class NoOversellTest {

	private final ServiceUnderTest service;

	NoOversellTest(ServiceUnderTest service) {
		this.service = service;
	}

	@Test
	void lendsExactlyAsManyCopiesAsExistTo200ConcurrentCallers() throws Exception {
		UUID book = bookWithCopies(10);

		List<Integer> statuses = checkOutConcurrently(book, 200, List.of(service.http()));

		assertThat(statuses).filteredOn(status -> status == 201).hasSize(10);
		assertThat(statuses).filteredOn(status -> status == 409).hasSize(190);
		assertThat(new Http(service.port()).get("/api/inventory/" + book).json().get("availableCopies").asInt())
			.isZero();
	}

	@Test
	void lendsExactlyAsManyCopiesAsExistAcrossTwoInstances() throws Exception {
		UUID book = bookWithCopies(10);
		try (ConfigurableApplicationContext second = ServiceInstances.start(InventoryApplication.class,
				service.bootstrapServers())) {
			int secondPort = ServiceInstances.port(second);

			List<Integer> statuses = checkOutConcurrently(book, 200, List.of(service.http(), new Http(secondPort)));

			assertThat(statuses).filteredOn(status -> status == 201).hasSize(10);
			assertThat(statuses).filteredOn(status -> status == 409).hasSize(190);
			assertThat(new Http(secondPort).get("/api/inventory/" + book).json().get("availableCopies").asInt())
				.isZero();
		}
	}

	private UUID bookWithCopies(int copies) {
		Http http = service.http().as(Caller.LIBRARIAN);
		UUID book;
		try (CatalogTopicFeed catalog = new CatalogTopicFeed(service.bootstrapServers())) {
			book = catalog.bookAdded();
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/inventory/" + book).status() == 200);
		assertThat(http.post("/api/inventory/" + book + "/copies", "{\"count\":" + copies + "}").status())
			.isEqualTo(200);
		return book;
	}

	private static List<Integer> checkOutConcurrently(UUID book, int callers, List<Http> instances) throws Exception {
		List<Callable<Integer>> checkouts = new ArrayList<>();
		for (int i = 0; i < callers; i++) {
			// readers borrowing for themselves, two of them on each instance
			Http http = instances.get(i % instances.size()).as(i % 4 < 2 ? Caller.ADA : Caller.ALAN);
			checkouts.add(() -> http.post("/api/inventory/" + book + "/checkouts").status());
		}
		List<Integer> statuses = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(50)) {
			for (Future<Integer> status : pool.invokeAll(checkouts)) {
				statuses.add(status.get());
			}
		}
		return statuses;
	}

}
