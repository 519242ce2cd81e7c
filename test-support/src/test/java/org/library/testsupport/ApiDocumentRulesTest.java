package org.library.testsupport;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules every service's OpenAPI document is held to notice what a client generator
 * would miss, shown on a small document of their own rather than on a running service.
 */
class ApiDocumentRulesTest {

	private static final String GOOD = """
			{"openapi":"3.1.0",
			 "info":{"title":"Library catalog","description":"The books","version":"1",
			         "license":{"name":"Apache-2.0","url":"https://www.apache.org/licenses/LICENSE-2.0"}},
			 "tags":[{"name":"books","description":"The catalog's books"}],
			 "components":{"securitySchemes":{"bearer":{"type":"http","scheme":"bearer"}}},
			 "paths":{"/api/books":{"post":{
			   "operationId":"addBook","tags":["books"],"summary":"Add a book","description":"Librarians only.",
			   "responses":{
			     "201":{"description":"Added"},
			     "409":{"description":"Duplicate ISBN","content":{"application/problem+json":{
			       "schema":{"$ref":"#/components/schemas/Problem"},
			       "example":{"status":409,"title":"Duplicate ISBN"}}}}}}}}}""";

	@Test
	void aDocumentAClientCanBeGeneratedFromBreaksNoRule() {
		assertThat(ApiDocumentRules.violations(Http.JSON.readTree(GOOD))).isEmpty();
	}

	@Test
	void theRulesNoticeWhatAClientGeneratorWouldMiss() {
		ObjectNode api = (ObjectNode) Http.JSON.readTree(GOOD);
		ObjectNode add = (ObjectNode) api.path("paths").path("/api/books").path("post");
		add.remove("summary");
		((ObjectNode) add.path("responses").path("409")).remove("content");
		((ObjectNode) api.path("info")).remove("license");
		((ObjectNode) api.path("components")).remove("securitySchemes");

		assertThat(ApiDocumentRules.violations(api)).containsExactlyInAnyOrder("POST /api/books: no summary",
				"POST /api/books 409: not application/problem+json with a schema", "POST /api/books 409: no example",
				"info has no license with a name and a url", "no security scheme");
	}

}
