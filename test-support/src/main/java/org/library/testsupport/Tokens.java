package org.library.testsupport;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

/**
 * Gets real tokens from the real issuer, the way its clients do: a person signs in
 * through the authorization code flow with PKCE (the sign-in form filled in as a browser
 * would), a machine uses client credentials.
 */
public final class Tokens {

	/**
	 * The public client for people at a shell, and where it says the code should go
	 * (never listened on).
	 */
	public static final String CLI_CLIENT = "library-cli";

	public static final String CLI_REDIRECT = "http://127.0.0.1:8400/callback";

	private static final Pattern CSRF = Pattern
		.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

	private final String issuer;

	public Tokens(String issuer) {
		this.issuer = issuer;
	}

	/** The access token a person gets by signing in. */
	public String forPerson(String username, String password) {
		return signIn(username, password).get("access_token").asString();
	}

	/**
	 * Signs a person in and exchanges the code: the token response (access_token,
	 * id_token, ...).
	 * @throws IllegalStateException when the sign-in is refused
	 */
	public JsonNode signIn(String username, String password) {
		return signIn(username, password, CLI_CLIENT, CLI_REDIRECT);
	}

	/**
	 * Signs a person in through a public client of the issuer's, as its page in a browser
	 * would, and exchanges the code: the token response.
	 */
	public JsonNode signIn(String username, String password, String client, String redirect) {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String verifier = random();
		String authorize = issuer + "/oauth2/authorize?"
				+ form(Map.of("response_type", "code", "client_id", client, "redirect_uri", redirect, "scope",
						"openid profile", "state", "s", "code_challenge", challenge(verifier), "code_challenge_method",
						"S256"));
		HttpResponse<String> toLogin = send(browser,
				HttpRequest.newBuilder(URI.create(authorize)).header("Accept", "text/html").build());
		String loginPage = send(browser, HttpRequest.newBuilder(resolve(location(toLogin))).build()).body();
		Matcher csrf = CSRF.matcher(loginPage);
		if (!csrf.find()) {
			throw new IllegalStateException("the sign-in page has no CSRF token");
		}
		HttpResponse<String> signedIn = send(browser,
				HttpRequest.newBuilder(URI.create(issuer + "/login"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password,
							"_csrf", csrf.group(1) != null ? csrf.group(1) : csrf.group(2)))))
					.build());
		String next = location(signedIn);
		if (next.contains("error")) {
			throw new IllegalStateException("sign-in refused for " + username);
		}
		String callback = location(send(browser, HttpRequest.newBuilder(resolve(next)).build()));
		Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(callback);
		if (!callback.startsWith(redirect) || !code.find()) {
			throw new IllegalStateException("no authorization code, but " + callback);
		}
		return token(null,
				Map.of("grant_type", "authorization_code", "code",
						URLDecoder.decode(code.group(1), StandardCharsets.UTF_8), "redirect_uri", redirect, "client_id",
						client, "code_verifier", verifier));
	}

	/** The access token a machine client gets with its credentials. */
	public String forMachine(String clientId, String secret) {
		String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		return token(basic, Map.of("grant_type", "client_credentials", "scope", "library")).get("access_token")
			.asString();
	}

	/**
	 * A token's claims, read without checking it: for tests that look at what the issuer
	 * put in.
	 */
	public static JsonNode claims(String jwt) {
		return Http.JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
	}

	private JsonNode token(String basic, Map<String, String> parameters) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(parameters)));
		if (basic != null) {
			request.header("Authorization", "Basic " + basic);
		}
		HttpResponse<String> response = send(HttpClient.newHttpClient(), request.build());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(
					"the token endpoint answered " + response.statusCode() + ": " + response.body());
		}
		return Http.JSON.readTree(response.body());
	}

	private URI resolve(String location) {
		return URI.create(issuer).resolve(location);
	}

	private static String location(HttpResponse<?> response) {
		return response.headers()
			.firstValue("Location")
			.orElseThrow(() -> new IllegalStateException("expected a redirect, got " + response.statusCode()));
	}

	private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
		try {
			return client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String form(Map<String, String> parameters) {
		return new LinkedHashMap<>(parameters).entrySet()
			.stream()
			.map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private static String random() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String challenge(String verifier) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
