package org.library.readinglist;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.library.testsupport.Caller;
import org.library.testsupport.CatalogTopicFeed;
import org.library.testsupport.ForgedToken;
import org.library.testsupport.Http;
import org.library.testsupport.LibraryServiceTest;
import org.library.testsupport.ServiceUnderTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.library.testsupport.AccessAssertions.assertApiDocumentSays;
import static org.library.testsupport.AccessAssertions.assertForbidden;
import static org.library.testsupport.AccessAssertions.assertOnlyTheGenuineTokenIsAccepted;
import static org.library.testsupport.AccessAssertions.assertUnauthorized;

/**
 * A reader's list is that reader's alone, with real tokens from the real issuer: another
 * reader, a librarian, an auditor and a machine are all refused, and nobody without a
 * token gets in.
 */
@LibraryServiceTest
class ReadingListAccessTest {

	private static final String ALANS_LIST = "/api/readers/alan/reading-list";

	private final ServiceUnderTest service;

	private final Http anonymous;

	private final CatalogTopicFeed catalog;

	ReadingListAccessTest(ServiceUnderTest service, CatalogTopicFeed catalog) {
		this.service = service;
		this.anonymous = service.http();
		this.catalog = catalog;
	}

	@BeforeEach
	void startWithEmptyLists() {
		Readers.clearLists(service);
	}

	@Test
	void aReaderKeepsTheirOwnList() {
		UUID book = knownBook();
		Http alan = anonymous.as(Caller.ALAN);

		assertThat(alan.put(ALANS_LIST + "/" + book, "").status()).isEqualTo(201);
		assertThat(alan.get(ALANS_LIST).json().get("totalElements").asInt()).isOne();
	}

	@Test
	void adaCannotReadOrChangeAlansList() {
		UUID book = knownBook();
		anonymous.as(Caller.ALAN).put(ALANS_LIST + "/" + book, "");
		Http ada = anonymous.as(Caller.ADA);

		assertForbidden(ada.get(ALANS_LIST));
		assertForbidden(ada.put(ALANS_LIST + "/" + UUID.randomUUID(), ""));
		assertForbidden(ada.delete(ALANS_LIST + "/" + book));
		assertForbidden(ada.send(ada.builder(ALANS_LIST + "/" + book, "Content-Type", "application/json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString("{\"status\":\"FINISHED\"}"))));

		assertThat(anonymous.as(Caller.ALAN).get(ALANS_LIST).json().get("items").get(0).get("status").asString())
			.isEqualTo("WANT_TO_READ");
	}

	@Test
	void noOtherRoleGetsIntoAReadersListEither() {
		for (Caller caller : new Caller[] { Caller.LIBRARIAN, Caller.AUDITOR, Caller.MACHINE }) {
			assertForbidden(anonymous.as(caller).get(ALANS_LIST));
			// not even a list under their own name: lists are for readers
			assertForbidden(anonymous.as(caller).get("/api/readers/" + caller.subject() + "/reading-list"));
		}
		assertUnauthorized(anonymous.get(ALANS_LIST));
		assertUnauthorized(anonymous.get("/api/readers/anonymousUser/reading-list"));
		assertUnauthorized(anonymous.put(ALANS_LIST + "/" + UUID.randomUUID(), ""));
	}

	@ParameterizedTest
	@EnumSource(ForgedToken.class)
	void aTokenIsCheckedForSignatureIssuerAudienceAndExpiry(ForgedToken forged) {
		UUID book = knownBook();

		assertOnlyTheGenuineTokenIsAccepted(forged, Caller.ALAN, anonymous,
				http -> http.put(ALANS_LIST + "/" + book, ""), 201);

		assertThat(anonymous.as(Caller.ALAN).get(ALANS_LIST).json().get("totalElements").asInt())
			.isEqualTo(forged == ForgedToken.GENUINE ? 1 : 0);
	}

	private UUID knownBook() {
		UUID book = catalog.bookAdded();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> service.as("reading_list_owner")
				.sql("SELECT count(*) FROM catalog_book WHERE book_id = ?")
				.param(book)
				.query(Long.class)
				.single() == 1);
		return book;
	}

	@Test
	void theApiDocumentSaysWhichOperationsNeedAToken() {
		assertApiDocumentSays(anonymous,
				List.of("GET /api/readers/{readerId}/reading-list", "PUT /api/readers/{readerId}/reading-list/{bookId}",
						"PATCH /api/readers/{readerId}/reading-list/{bookId}",
						"DELETE /api/readers/{readerId}/reading-list/{bookId}"),
				List.of());
	}

}
