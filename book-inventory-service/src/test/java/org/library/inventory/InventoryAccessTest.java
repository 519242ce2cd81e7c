package org.library.inventory;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

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
 * Who may do what to the copies, with real tokens from the real issuer: anyone sees
 * availability; librarians add and remove copies and see loans and queues; readers
 * borrow, return and hold for themselves, librarians for anyone.
 */
@LibraryServiceTest
class InventoryAccessTest {

	private final Http anonymous;

	private final Http librarian;

	private final CatalogTopicFeed catalog;

	InventoryAccessTest(ServiceUnderTest service, CatalogTopicFeed catalog) {
		this.anonymous = service.http();
		this.librarian = service.http().as(Caller.LIBRARIAN);
		this.catalog = catalog;
	}

	@Test
	void anyoneSeesAvailability() {
		UUID book = bookWithCopies(1);

		assertThat(anonymous.get("/api/inventory/" + book).json().get("availableCopies").asInt()).isEqualTo(1);
	}

	@Test
	void onlyLibrariansAddAndRemoveCopies() {
		UUID book = bookWithCopies(2);
		assertUnauthorized(anonymous.post("/api/inventory/" + book + "/copies", "{\"count\":5}"));
		for (Caller caller : new Caller[] { Caller.ADA, Caller.AUDITOR, Caller.MACHINE }) {
			assertForbidden(anonymous.as(caller).post("/api/inventory/" + book + "/copies", "{\"count\":5}"));
			assertForbidden(anonymous.as(caller).post("/api/inventory/" + book + "/copies/removals", "{\"count\":1}"));
		}

		assertThat(anonymous.get("/api/inventory/" + book).json().get("totalCopies").asInt()).isEqualTo(2);
	}

	@Test
	void readersBorrowAndHoldForThemselvesLibrariansForAnyoneAndNobodyElseAtAll() {
		UUID book = bookWithCopies(1);
		for (Caller caller : new Caller[] { Caller.AUDITOR, Caller.MACHINE, Caller.OPERATOR }) {
			assertForbidden(anonymous.as(caller).post("/api/inventory/" + book + "/loans"));
			assertForbidden(anonymous.as(caller).post("/api/inventory/" + book + "/holds"));
			assertForbidden(anonymous.as(caller).get("/api/loans"));
			assertForbidden(anonymous.as(caller).get("/api/holds"));
		}
		assertUnauthorized(anonymous.post("/api/inventory/" + book + "/loans"));
		assertUnauthorized(anonymous.get("/api/loans"));
		assertThat(anonymous.get("/api/inventory/" + book).json().get("onLoan").asInt()).isZero();

		String loan = anonymous.as(Caller.ADA).post("/api/inventory/" + book + "/loans").json().get("id").asString();
		assertForbidden(anonymous.as(Caller.ALAN).post("/api/loans/" + loan + "/return"));
		assertThat(anonymous.as(Caller.ALAN).post("/api/inventory/" + book + "/holds").status()).isEqualTo(201);
		assertThat(anonymous.get("/api/inventory/" + book).json().get("onLoan").asInt()).isEqualTo(1);
		assertThat(librarian.post("/api/loans/" + loan + "/return").status()).isEqualTo(200);
		// the copy went to alan's hold, and alan borrows it
		assertThat(anonymous.as(Caller.ALAN).post("/api/inventory/" + book + "/loans").status()).isEqualTo(201);
		String alans = librarian.get("/api/loans?reader=alan").json().get("loans").get(0).get("id").asString();
		assertThat(anonymous.as(Caller.ALAN).post("/api/loans/" + alans + "/return").status()).isEqualTo(200);
	}

	@Test
	void onlyLibrariansSeeABooksLoansAndQueueAndTheOverdueLoans() {
		UUID book = bookWithCopies(1);
		for (String path : List.of("/api/inventory/" + book + "/loans", "/api/inventory/" + book + "/holds",
				"/api/loans/overdue")) {
			assertUnauthorized(anonymous.get(path));
			assertForbidden(anonymous.as(Caller.ADA).get(path));
			assertForbidden(anonymous.as(Caller.AUDITOR).get(path));
			assertThat(librarian.get(path).status()).isEqualTo(200);
		}
	}

	@ParameterizedTest
	@EnumSource(ForgedToken.class)
	void aTokenIsCheckedForSignatureIssuerAudienceAndExpiry(ForgedToken forged) {
		UUID book = bookWithCopies(1);

		assertOnlyTheGenuineTokenIsAccepted(forged, Caller.ADA, anonymous,
				http -> http.post("/api/inventory/" + book + "/loans"), 201);

		assertThat(anonymous.get("/api/inventory/" + book).json().get("onLoan").asInt())
			.isEqualTo(forged == ForgedToken.GENUINE ? 1 : 0);
		librarian.get("/api/loans?reader=ada")
			.json()
			.get("loans")
			.forEach(loan -> librarian.post("/api/loans/" + loan.get("id").asString() + "/return"));
	}

	private UUID bookWithCopies(int copies) {
		UUID book = catalog.bookAdded();
		await().atMost(Duration.ofSeconds(30)).until(() -> anonymous.get("/api/inventory/" + book).status() == 200);
		assertThat(librarian.post("/api/inventory/" + book + "/copies", "{\"count\":" + copies + "}").status())
			.isEqualTo(200);
		return book;
	}

	@Test
	void theApiDocumentSaysWhichOperationsNeedAToken() {
		assertApiDocumentSays(anonymous,
				List.of("POST /api/inventory/{bookId}/copies", "POST /api/inventory/{bookId}/copies/removals",
						"POST /api/inventory/{bookId}/loans", "GET /api/inventory/{bookId}/loans",
						"POST /api/inventory/{bookId}/holds", "GET /api/inventory/{bookId}/holds", "GET /api/loans",
						"GET /api/loans/overdue", "GET /api/loans/{loanId}", "POST /api/loans/{loanId}/return",
						"POST /api/loans/{loanId}/renewal", "GET /api/holds", "GET /api/holds/{holdId}",
						"POST /api/holds/{holdId}/cancellation"),
				List.of("GET /api/inventory/{bookId}"));
	}

}
