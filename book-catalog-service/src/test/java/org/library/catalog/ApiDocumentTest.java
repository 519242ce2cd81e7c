package org.library.catalog;

import org.junit.jupiter.api.Test;
import org.library.testsupport.ApiDocumentContract;
import org.library.testsupport.ApiDocumentRules;
import org.library.testsupport.ServiceUnderTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API document is complete enough to generate a client from, and Swagger UI serves it
 * to try.
 */
@CatalogIntegrationTest
class ApiDocumentTest extends ApiDocumentContract {

	ApiDocumentTest(ServiceUnderTest service) {
		super(service);
	}

	@Test
	void theRulesNoticeWhatAClientGeneratorWouldMiss() {
		tools.jackson.databind.node.ObjectNode api = (tools.jackson.databind.node.ObjectNode) http().get("/v3/api-docs")
			.json();
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
