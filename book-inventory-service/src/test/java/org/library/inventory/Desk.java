package org.library.inventory;

import java.time.Duration;
import java.util.UUID;

import org.library.testsupport.Caller;
import org.library.testsupport.CatalogTopicFeed;
import org.library.testsupport.Http;
import org.library.testsupport.Http.Response;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The circulation desk as the tests work it: books with copies, loans to readers named by
 * a librarian, holds, and the stock as the public sees it. Readers named here are new to
 * every test, so no test's loans count against another's limits; the demo readers' own
 * loans and holds are closed again by {@link #closeEverythingOf}.
 */
final class Desk {

	final Http anonymous;

	final Http librarian;

	private final CatalogTopicFeed catalog;

	Desk(Http http, CatalogTopicFeed catalog) {
		this.anonymous = http.anonymous();
		this.librarian = http.as(Caller.LIBRARIAN);
		this.catalog = catalog;
	}

	/** A reader nobody has lent to yet. */
	static String newReader() {
		return "reader-" + UUID.randomUUID().toString().substring(0, 8);
	}

	UUID bookWithCopies(int copies) {
		UUID book = catalog.bookAdded();
		await().atMost(Duration.ofSeconds(30)).until(() -> anonymous.get("/api/inventory/" + book).status() == 200);
		if (copies > 0) {
			assertThat(librarian.post("/api/inventory/" + book + "/copies", "{\"count\":" + copies + "}").status())
				.isEqualTo(200);
		}
		return book;
	}

	/** A librarian lends a copy of the book to the reader. */
	Response lend(UUID book, String reader) {
		return librarian.post("/api/inventory/" + book + "/loans", "{\"reader\":\"" + reader + "\"}");
	}

	/** The loan's id; the loan must have been made. */
	UUID lent(UUID book, String reader) {
		Response loan = lend(book, reader);
		assertThat(loan.status()).as(loan.body()).isEqualTo(201);
		return UUID.fromString(loan.json().get("id").asString());
	}

	Response hold(UUID book, String reader) {
		return librarian.post("/api/inventory/" + book + "/holds", "{\"reader\":\"" + reader + "\"}");
	}

	UUID held(UUID book, String reader) {
		Response hold = hold(book, reader);
		assertThat(hold.status()).as(hold.body()).isEqualTo(201);
		return UUID.fromString(hold.json().get("id").asString());
	}

	Response giveBack(UUID loan) {
		return librarian.post("/api/loans/" + loan + "/return");
	}

	JsonNode stock(UUID book) {
		return anonymous.get("/api/inventory/" + book).json();
	}

	JsonNode hold(UUID hold) {
		return librarian.get("/api/holds/" + hold).json();
	}

	/**
	 * Returns the demo reader's loans and cancels her holds, so the next test starts
	 * clean.
	 */
	void closeEverythingOf(Caller reader) {
		for (JsonNode loan : librarian.get("/api/loans?reader=" + reader.subject()).json().get("loans")) {
			giveBack(UUID.fromString(loan.get("id").asString()));
		}
		for (JsonNode hold : librarian.get("/api/holds?reader=" + reader.subject()).json().get("holds")) {
			librarian.post("/api/holds/" + hold.get("id").asString() + "/cancellation");
		}
	}

}
