package org.library.catalog;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.library.testsupport.ApiFuzz;
import org.library.testsupport.Caller;
import org.library.testsupport.Http;
import org.library.testsupport.ServiceUnderTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the catalog's OpenAPI document, fed random, boundary and hostile
 * values: never a 5xx, every 4xx a problem, and a refused request changes no book and
 * publishes no event.
 */
@CatalogIntegrationTest
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
		for (int i = 0; i < 3; i++) {
			books.add(http.post("/api/books", TestBooks.json("Fuzzed " + i)).json().get("id").asString());
		}

		int sent = new ApiFuzz(http, ApiFuzz.rowsAndOutbox(jdbc, "book", "id"), books).run(60);

		assertThat(sent).isGreaterThanOrEqualTo(5 * 60);
	}

}
