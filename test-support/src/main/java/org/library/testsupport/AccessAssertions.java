package org.library.testsupport;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service's refusals of a caller look like: a 401 challenges for a bearer
 * token (RFC 6750), a 403 says the token is good but not enough; both as problem+json.
 */
public final class AccessAssertions {

	private AccessAssertions() {
	}

	/** No token, or one the service refuses: 401 with a Bearer challenge. */
	public static void assertUnauthorized(Http.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(401);
		assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
		assertProblem(response, 401);
	}

	/** A token the service accepts, without the right to do this: 403. */
	public static void assertForbidden(Http.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(403);
		assertProblem(response, 403);
	}

	/**
	 * Sends {@code request} with a token made as {@code forged} says for {@code caller}:
	 * only the genuine one gets {@code acceptedStatus}, each forgery gets a 401 that
	 * names the token invalid.
	 */
	public static void assertOnlyTheGenuineTokenIsAccepted(ForgedToken forged, Caller caller, Http anonymous,
			Function<Http, Http.Response> request, int acceptedStatus) {
		Http.Response response = request.apply(anonymous.withToken(forged.make(TestIssuer.shared(), caller)));
		if (forged == ForgedToken.GENUINE) {
			assertThat(response.status()).as("the same token, made right, is accepted: %s", response.body())
				.isEqualTo(acceptedStatus);
			return;
		}
		assertUnauthorized(response);
		assertThat(response.header("WWW-Authenticate")).contains("invalid_token");
	}

	/**
	 * The service's API document declares the bearer scheme, and says of each operation
	 * given ({@code "POST
	 * /api/books"}) whether it needs a token, with the 401 and 403 it can then answer.
	 */
	public static void assertApiDocumentSays(Http http, List<String> needToken, List<String> open) {
		JsonNode api = http.get("/v3/api-docs").json();
		JsonNode scheme = api.path("components").path("securitySchemes").path("bearer");
		assertThat(scheme.path("type").asString()).isEqualTo("http");
		assertThat(scheme.path("scheme").asString()).isEqualTo("bearer");
		assertThat(scheme.path("bearerFormat").asString()).isEqualTo("JWT");
		for (String operation : needToken) {
			JsonNode documented = operation(api, operation);
			assertThat(documented.path("security").toString()).as(operation).contains("\"bearer\"");
			assertThat(documented.path("responses").has("401")).as(operation + " documents 401").isTrue();
			assertThat(documented.path("responses").has("403")).as(operation + " documents 403").isTrue();
		}
		for (String operation : open) {
			assertThat(operation(api, operation).has("security")).as(operation + " is open to anyone").isFalse();
		}
	}

	private static JsonNode operation(JsonNode api, String operation) {
		String[] methodAndPath = operation.split(" ", 2);
		JsonNode documented = api.path("paths").path(methodAndPath[1]).path(methodAndPath[0].toLowerCase(Locale.ROOT));
		assertThat(documented.isMissingNode()).as(operation + " is in the API document").isFalse();
		return documented;
	}

	private static void assertProblem(Http.Response response, int status) {
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().get("status").asInt()).isEqualTo(status);
		assertThat(response.json().get("detail").asString()).isNotBlank();
	}

}
