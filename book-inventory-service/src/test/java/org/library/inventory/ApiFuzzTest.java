package org.library.inventory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.library.testsupport.ApiFuzz;
import org.library.testsupport.Caller;
import org.library.testsupport.CatalogTopicFeed;
import org.library.testsupport.Http;
import org.library.testsupport.LibraryServiceTest;
import org.library.testsupport.ServiceUnderTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every operation of the inventory's OpenAPI document, fed random, boundary and hostile
 * values: never a 5xx, every 4xx a problem, and a refused request changes no copy and
 * publishes no event.
 */
@LibraryServiceTest
class ApiFuzzTest {

	@Autowired
	JdbcClient jdbc;

	private final ServiceUnderTest service;

	ApiFuzzTest(ServiceUnderTest service) {
		this.service = service;
	}

	@Test
	void noRequestMadeFromTheApiDocumentGetsA5xxAndARefusedOneChangesNothing() {
		Http http = service.http().as(Caller.LIBRARIAN);
		List<String> books = new ArrayList<>();
		try (CatalogTopicFeed catalog = new CatalogTopicFeed(service.bootstrapServers())) {
			for (int i = 0; i < 3; i++) {
				UUID book = catalog.bookAdded();
				await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/inventory/" + book).status() == 200);
				books.add(book.toString());
			}
		}

		int sent = new ApiFuzz(http, ApiFuzz.rowsAndOutbox(jdbc, "book_inventory", "book_id"), books).run(60);

		assertThat(sent).isGreaterThanOrEqualTo(5 * 60);
	}

}
