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
 * availability, librarians add and remove copies, librarians and readers lend and take
 * back.
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
	void librariansAndReadersLendAndTakeBackButNobodyElse() {
		UUID book = bookWithCopies(3);
		assertUnauthorized(anonymous.post("/api/inventory/" + book + "/checkouts"));
		assertForbidden(anonymous.as(Caller.AUDITOR).post("/api/inventory/" + book + "/checkouts"));
		assertForbidden(anonymous.as(Caller.MACHINE).post("/api/inventory/" + book + "/checkouts"));
		assertThat(anonymous.get("/api/inventory/" + book).json().get("onLoan").asInt()).isZero();

		assertThat(anonymous.as(Caller.ADA).post("/api/inventory/" + book + "/checkouts").status()).isEqualTo(201);
		assertThat(librarian.post("/api/inventory/" + book + "/checkouts").status()).isEqualTo(201);
		assertForbidden(anonymous.as(Caller.AUDITOR).post("/api/inventory/" + book + "/returns"));
		assertThat(anonymous.as(Caller.ADA).post("/api/inventory/" + book + "/returns").status()).isEqualTo(200);

		assertThat(anonymous.get("/api/inventory/" + book).json().get("onLoan").asInt()).isEqualTo(1);
	}

	@ParameterizedTest
	@EnumSource(ForgedToken.class)
	void aTokenIsCheckedForSignatureIssuerAudienceAndExpiry(ForgedToken forged) {
		UUID book = bookWithCopies(1);

		assertOnlyTheGenuineTokenIsAccepted(forged, Caller.ADA, anonymous,
				http -> http.post("/api/inventory/" + book + "/checkouts"), 201);

		assertThat(anonymous.get("/api/inventory/" + book).json().get("onLoan").asInt())
			.isEqualTo(forged == ForgedToken.GENUINE ? 1 : 0);
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
						"POST /api/inventory/{bookId}/checkouts", "POST /api/inventory/{bookId}/returns"),
				List.of("GET /api/inventory/{bookId}"));
	}

}
