package org.library.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for tests, so requests look exactly like a frontend's, with the
 * answer's JSON at hand: anonymous, or as one of the issuer's {@link Caller}s with a real
 * bearer token.
 */
public final class Http {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	private final String base;

	private final Supplier<String> token;

	/** A client without a token: an anonymous caller. */
	public Http(int port) {
		this("http://localhost:" + port, null);
	}

	private Http(String base, Supplier<String> token) {
		this.base = base;
		this.token = token;
	}

	/**
	 * The same service called as {@code caller}, with a real token from the JVM's
	 * {@link TestIssuer}.
	 */
	public Http as(Caller caller) {
		return new Http(base, () -> TestIssuer.shared().token(caller));
	}

	/** The same service called with exactly this bearer token, valid or not. */
	public Http withToken(String bearerToken) {
		return new Http(base, () -> bearerToken);
	}

	/** The same service without a token. */
	public Http anonymous() {
		return new Http(base, null);
	}

	public Response get(String path, String... headers) {
		return send(builder(path, headers).GET());
	}

	public Response post(String path, String json, String... headers) {
		return send(builder(path, "Content-Type", "application/json")
			.headers(headers.length == 0 ? new String[] { "Accept", "application/json" } : headers)
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	public Response put(String path, String json, String... headers) {
		return send(builder(path, "Content-Type", "application/json")
			.headers(headers.length == 0 ? new String[] { "Accept", "application/json" } : headers)
			.PUT(HttpRequest.BodyPublishers.ofString(json)));
	}

	/** A POST without a body, as for an action such as a return. */
	public Response post(String path) {
		return send(builder(path).POST(HttpRequest.BodyPublishers.noBody()));
	}

	public Response delete(String path, String... headers) {
		return send(builder(path, headers).DELETE());
	}

	public Response send(HttpRequest.Builder request) {
		if (token != null) {
			request.setHeader("Authorization", "Bearer " + token.get());
		}
		try {
			HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(), response.headers().map());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The status of one part of the service's health ({@code db}, {@code outbox},
	 * {@code consumers}).
	 */
	public String health(String component) {
		return get("/actuator/health").json().path("components").path(component).path("status").asString(null);
	}

	public HttpRequest.Builder builder(String path, String... headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
		if (headers.length > 0) {
			builder.headers(headers);
		}
		return builder;
	}

	public record Response(int status, String body, Map<String, List<String>> headers) {

		public JsonNode json() {
			return JSON.readTree(body);
		}

		public String header(String name) {
			return headers.entrySet()
				.stream()
				.filter(entry -> entry.getKey().equalsIgnoreCase(name))
				.map(entry -> entry.getValue().getFirst())
				.findFirst()
				.orElse(null);
		}

	}

}
