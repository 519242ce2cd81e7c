package org.library.testsupport;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API document tests every service runs against itself: the document is complete
 * enough to generate a client from ({@link ApiDocumentRules}), and Swagger UI serves it,
 * signing in at the issuer. A service's test extends this with
 * {@code ServiceTestExtension}, which hands it the service.
 */
public abstract class ApiDocumentContract {

	private final Http http;

	protected ApiDocumentContract(ServiceUnderTest service) {
		this.http = service.http();
	}

	protected Http http() {
		return http;
	}

	@Test
	void everyOperationIsDocumentedWithEveryAnswerItCanGive() {
		JsonNode api = http.get("/v3/api-docs").json();

		assertThat(ApiDocumentRules.violations(api)).isEmpty();
		assertThat(api.path("info").path("version").asString()).as("the project's version, filled in")
			.doesNotContain("@");
	}

	@Test
	void swaggerUiServesTheDocumentAndSignsInAtTheIssuer() {
		Http.Response ui = http.get("/swagger-ui/index.html");
		JsonNode config = http.get("/v3/api-docs/swagger-config").json();

		assertThat(ui.status()).isEqualTo(200);
		assertThat(ui.body()).contains("swagger-ui");
		assertThat(config.path("url").asString()).isEqualTo("/v3/api-docs");
		assertThat(config.path("oauth2RedirectUrl").asString()).endsWith("/swagger-ui/oauth2-redirect.html");
	}

}
