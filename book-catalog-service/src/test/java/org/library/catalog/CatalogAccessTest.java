package org.library.catalog;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.library.testsupport.Caller;
import org.library.testsupport.ForgedToken;
import org.library.testsupport.Http;
import org.library.testsupport.ServiceUnderTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.library.testsupport.AccessAssertions.assertApiDocumentSays;
import static org.library.testsupport.AccessAssertions.assertForbidden;
import static org.library.testsupport.AccessAssertions.assertOnlyTheGenuineTokenIsAccepted;
import static org.library.testsupport.AccessAssertions.assertUnauthorized;

/**
 * Who may do what to the catalog, with real tokens from the real issuer: anyone browses,
 * librarians change.
 */
@CatalogIntegrationTest
class CatalogAccessTest {

	@Autowired
	JdbcClient jdbc;

	private final Http anonymous;

	private final Http librarian;

	CatalogAccessTest(ServiceUnderTest service) {
		this.anonymous = service.http();
		this.librarian = service.http().as(Caller.LIBRARIAN);
	}

	@Test
	void anyoneBrowsesTheCatalog() {
		String id = librarian.post("/api/books", TestBooks.json("Public")).json().get("id").asString();

		assertThat(anonymous.get("/api/books").status()).isEqualTo(200);
		assertThat(anonymous.get("/api/books/" + id).status()).isEqualTo(200);
		assertThat(anonymous.get("/api/books?q=Public").status()).isEqualTo(200);
	}

	@Test
	void withoutATokenNothingChanges() {
		String isbn = TestBooks.uniqueIsbn13();
		assertUnauthorized(anonymous.post("/api/books", TestBooks.json(isbn, "Anonymous", "A")));
		String id = librarian.post("/api/books", TestBooks.json("Kept")).json().get("id").asString();
		assertUnauthorized(anonymous.put("/api/books/" + id, TestBooks.json("Changed"), "If-Match", "\"0\""));
		assertUnauthorized(anonymous.delete("/api/books/" + id));

		assertThat(booksWithIsbn(isbn)).isZero();
		assertThat(anonymous.get("/api/books/" + id).json().get("title").asString()).isEqualTo("Kept");
	}

	@Test
	void onlyLibrariansChangeTheCatalog() {
		String id = librarian.post("/api/books", TestBooks.json("Librarians only")).json().get("id").asString();
		for (Caller caller : new Caller[] { Caller.ADA, Caller.AUDITOR, Caller.MACHINE }) {
			Http http = anonymous.as(caller);
			String isbn = TestBooks.uniqueIsbn13();
			assertForbidden(http.post("/api/books", TestBooks.json(isbn, "By " + caller, "A")));
			assertForbidden(http.put("/api/books/" + id, TestBooks.json("By " + caller), "If-Match", "\"0\""));
			assertForbidden(http.delete("/api/books/" + id));
			assertThat(booksWithIsbn(isbn)).isZero();
		}
		assertThat(anonymous.get("/api/books/" + id).json().get("version").asLong()).isZero();

		assertThat(librarian.put("/api/books/" + id, TestBooks.json("Changed by a librarian"), "If-Match", "\"0\"")
			.status()).isEqualTo(200);
		assertThat(librarian.delete("/api/books/" + id).status()).isEqualTo(204);
	}

	@ParameterizedTest
	@EnumSource(ForgedToken.class)
	void aTokenIsCheckedForSignatureIssuerAudienceAndExpiry(ForgedToken forged) {
		String isbn = TestBooks.uniqueIsbn13();

		assertOnlyTheGenuineTokenIsAccepted(forged, Caller.LIBRARIAN, anonymous,
				http -> http.post("/api/books", TestBooks.json(isbn, "Forged " + forged, "A")), 201);

		assertThat(booksWithIsbn(isbn)).isEqualTo(forged == ForgedToken.GENUINE ? 1 : 0);
	}

	@Test
	void aTokenThatIsNotAJwtIsRefused() {
		assertUnauthorized(anonymous.withToken("not-a-token").post("/api/books", TestBooks.json("Garbage")));
		assertUnauthorized(anonymous.post("/api/books", TestBooks.json("Basic"), "Content-Type", "application/json",
				"Authorization", "Basic bGlicmFyaWFuOnNlY3JldA=="));
	}

	@Test
	void theApiDocumentAndHealthArePublicAndOtherEndpointsAreClosed() {
		assertThat(anonymous.get("/v3/api-docs").status()).isEqualTo(200);
		assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
		assertUnauthorized(anonymous.get("/actuator/deadletters"));
		assertUnauthorized(anonymous.get("/api/elsewhere"));
		assertForbidden(librarian.get("/api/elsewhere"));
	}

	private long booksWithIsbn(String isbn) {
		return jdbc.sql("SELECT count(*) FROM book WHERE isbn = ?").param(isbn).query(Long.class).single();
	}

	@Test
	void theApiDocumentSaysWhichOperationsNeedAToken() {
		assertApiDocumentSays(anonymous, List.of("POST /api/books", "PUT /api/books/{id}", "DELETE /api/books/{id}"),
				List.of("GET /api/books", "GET /api/books/{id}"));
	}

}
