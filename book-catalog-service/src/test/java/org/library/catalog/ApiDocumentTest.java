package org.library.catalog;

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
@CatalogIntegrationTest
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

	@Test
	void theRulesNoticeWhatAClientGeneratorWouldMiss() {
		tools.jackson.databind.node.ObjectNode api = (tools.jackson.databind.node.ObjectNode) http.get("/v3/api-docs").json();
		tools.jackson.databind.node.ObjectNode add = (tools.jackson.databind.node.ObjectNode) api.path("paths")
			.path("/api/books")
			.path("post");
		add.remove("summary");
		((tools.jackson.databind.node.ObjectNode) add.path("responses").path("409")).remove("content");
		((tools.jackson.databind.node.ObjectNode) api.path("info")).remove("license");

		assertThat(ApiDocumentRules.violations(api)).containsExactlyInAnyOrder("POST /api/books: no summary",
				"POST /api/books 409: not application/problem+json with a schema", "POST /api/books 409: no example",
				"info has no license with a name and a url");
	}

}
