package org.library.readinglist;

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
 * Every operation of the reading list's OpenAPI document, fed random, boundary and
 * hostile values: never a 5xx, every 4xx a problem, and a refused request changes no list
 * and publishes no event.
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
		Http http = service.http().as(Caller.ADA);
		List<String> books = new ArrayList<>();
		try (CatalogTopicFeed catalog = new CatalogTopicFeed(service.bootstrapServers())) {
			for (int i = 0; i < 3; i++) {
				UUID book = catalog.bookAdded();
				await().atMost(Duration.ofSeconds(30)).until(() -> known(book));
				books.add(book.toString());
			}
		}

		int sent = new ApiFuzz(http, ApiFuzz.rowsAndOutbox(jdbc, "reading_list_item", "reader_id, book_id"), books)
			.knowing("readerId", Caller.ADA.subject())
			.run(60);

		assertThat(sent).isGreaterThanOrEqualTo(4 * 60);
	}

	private boolean known(UUID book) {
		return jdbc.sql("SELECT count(*) FROM catalog_book WHERE book_id = ?")
			.param(book)
			.query(Long.class)
			.single() == 1;
	}

}
