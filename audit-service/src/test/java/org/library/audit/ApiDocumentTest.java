package org.library.audit;

import org.junit.jupiter.api.Test;
import org.library.testsupport.ApiDocumentRules;
import org.library.testsupport.Http;
import org.library.testsupport.ServiceUnderTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API document is complete enough to generate a client from ({@link ApiDocumentRules}), and Swagger UI serves
 * it to try.
 */
@AuditIntegrationTest
class ApiDocumentTest {

	private final Http http;

	ApiDocumentTest(ServiceUnderTest service) {
		this.http = service.http();
	}

	@Test
	void everyOperationIsDocumentedWithEveryAnswerItCanGive() {
		JsonNode api = http.get("/v3/api-docs").json();

		assertThat(ApiDocumentRules.violations(api)).isEmpty();
		assertThat(api.path("info").path("version").asString()).doesNotContain("@");
	}

	@Test
	void swaggerUiServesTheDocumentAndSignsInAtTheIssuer() {
		var ui = http.get("/swagger-ui/index.html");
		JsonNode config = http.get("/v3/api-docs/swagger-config").json();

		assertThat(ui.status()).isEqualTo(200);
		assertThat(ui.body()).contains("swagger-ui");
		assertThat(config.path("url").asString()).isEqualTo("/v3/api-docs");
		assertThat(config.path("oauth2RedirectUrl").asString()).endsWith("/swagger-ui/oauth2-redirect.html");
	}

}
