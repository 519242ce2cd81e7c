package org.library.web;

import java.net.http.HttpRequest;

import org.junit.jupiter.api.Test;
import org.library.testsupport.Http;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser's side of the web app on its own (the issuer and the services are not
 * needed to check it): the UI is served to anyone, sign-in goes to the issuer with PKCE,
 * the session cookie is HttpOnly and SameSite, the API answers an anonymous write with
 * 403 or 401 (never a redirect a script would follow) and nothing reaches a service
 * without the CSRF token. The whole story, signed in, is BrowserStoryIT's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "library.web.issuer-uri=http://localhost:1", "BOOK_CATALOG_URL=http://localhost:1" })
class WebAppTest {

	private final Http http;

	WebAppTest(@LocalServerPort int port) {
		this.http = new Http(port);
	}

	@Test
	void servesTheUiToAnyoneWithoutABuildStep() {
		var index = http.get("/");

		assertThat(index.status()).isEqualTo(200);
		assertThat(index.body()).contains("<script type=\"module\" src=\"/app/app.js\">", "lang=\"en\"");
		assertThat(http.get("/app/app.js").status()).isEqualTo(200);
	}

	@Test
	void saysWhoIsSignedInAndHandsTheBrowserItsCsrfCookieButNoToken() {
		var me = http.get("/me");

		assertThat(me.json().get("signedIn").asBoolean()).isFalse();
		assertThat(me.headers().get("set-cookie")).anyMatch(cookie -> cookie.startsWith("XSRF-TOKEN="));
		assertThat(me.body()).doesNotContain("token");
	}

	@Test
	void signInGoesToTheIssuerWithPkceAndTheSessionCookieIsHttpOnlyAndSameSite() {
		var signIn = http.get("/oauth2/authorization/library");

		assertThat(signIn.status()).isEqualTo(302);
		assertThat(signIn.header("Location")).startsWith("http://localhost:1/oauth2/authorize?")
			.contains("client_id=library-web", "code_challenge_method=S256", "code_challenge=");
		assertThat(signIn.headers().get("set-cookie")).anyMatch(cookie -> cookie.startsWith("LIBRARY_SESSION=")
				&& cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"));
	}

	@Test
	void aWriteWithoutTheCsrfTokenOrASessionIsRefusedHereAndNeverRedirected() {
		var noCsrf = http.post("/api/books", "{}");
		var noSession = http.send(http.builder("/api/readers/ada/reading-list"));
		var noSessionLoans = http.send(http.builder("/api/loans"));

		assertThat(noCsrf.status()).isEqualTo(403);
		assertThat(noSession.status()).isEqualTo(401);
		assertThat(noSession.header("Location")).isNull();
		// a reader's loans are hers: the web app asks for a session before it routes
		assertThat(noSessionLoans.status()).isEqualTo(401);
	}

	@Test
	void healthIsPublic() {
		assertThat(
				http.send(http.builder("/actuator/health/readiness").method("GET", HttpRequest.BodyPublishers.noBody()))
					.status())
			.isEqualTo(200);
	}

}
