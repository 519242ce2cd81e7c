package org.library.identity;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.library.testsupport.Http;
import org.library.testsupport.Tokens;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.library.testsupport.FreePorts.freePort;

/**
 * The issuer as its clients meet it: discovery and keys published, a person signs in with
 * the authorization code flow and PKCE, a machine uses client credentials, and every
 * access token names the issuer, the library's services as audience, its subject and its
 * roles. Its signing key is kept on disk.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class IssuerTest {

	static final int PORT = freePort();

	static final String ISSUER = "http://localhost:" + PORT;

	static final Path KEYS = temporaryDirectory();

	static final String PASSWORD = "correct horse battery staple";

	@DynamicPropertySource
	static void issuer(DynamicPropertyRegistry properties) {
		properties.add("server.port", () -> PORT);
		properties.add("spring.security.oauth2.authorizationserver.issuer", () -> ISSUER);
		properties.add("library.identity.key-directory", KEYS::toString);
		for (String account : List.of("librarian", "auditor", "ada", "alan")) {
			properties.add("library.identity.accounts." + account + ".password", () -> PASSWORD + " " + account);
		}
	}

	final Http http = new Http(PORT);

	final Tokens tokens = new Tokens(ISSUER);

	@Test
	void publishesDiscoveryAndTheKeysItSignsWith() throws IOException {
		JsonNode discovery = http.get("/.well-known/openid-configuration").json();
		assertThat(discovery.get("issuer").asString()).isEqualTo(ISSUER);
		assertThat(discovery.get("jwks_uri").asString()).isEqualTo(ISSUER + "/oauth2/jwks");
		assertThat(discovery.get("code_challenge_methods_supported").toString()).contains("S256");

		JsonNode keys = http.get("/oauth2/jwks").json().get("keys");
		assertThat(keys).hasSize(1);
		assertThat(keys.get(0).get("kty").asString()).isEqualTo("RSA");
		assertThat(keys.get(0).has("d")).as("the private part stays private").isFalse();
		// the key published is the one kept on disk, so a restart signs with it again
		assertThat(Files.readString(KEYS.resolve(SigningKeys.FILE))).contains(keys.get(0).get("kid").asString());
		assertThat(SigningKeys.load(KEYS).getKeys()).extracting(key -> key.getKeyID())
			.containsExactly(keys.get(0).get("kid").asString());
	}

	@Test
	void aPersonSignsInWithPkceAndGetsATokenNamingThemAndTheirRoles() {
		JsonNode response = tokens.signIn("ada", PASSWORD + " ada");

		JsonNode claims = Tokens.claims(response.get("access_token").asString());
		assertThat(claims.get("iss").asString()).isEqualTo(ISSUER);
		assertThat(claims.get("sub").asString()).isEqualTo("ada");
		assertThat(claims.get("aud").toString()).contains(IdentityConfiguration.AUDIENCE);
		assertThat(claims.get("roles").toString()).isEqualTo("[\"reader\"]");
		assertThat(claims.get("exp").asLong()).isGreaterThan(claims.get("iat").asLong());
		assertThat(response.get("id_token").asString()).isNotBlank();

		assertThat(Tokens.claims(tokens.forPerson("librarian", PASSWORD + " librarian")).get("roles").toString())
			.isEqualTo("[\"librarian\"]");
	}

	@Test
	void aWrongPasswordGetsNoToken() {
		assertThatThrownBy(() -> tokens.signIn("alan", "not his password")).hasMessageContaining("sign-in refused");
	}

	@Test
	void aMachineGetsATokenWithItsClientCredentials() {
		JsonNode claims = Tokens.claims(tokens.forMachine("library-machine", "library-machine-local-secret"));

		assertThat(claims.get("sub").asString()).isEqualTo("library-machine");
		assertThat(claims.get("aud").toString()).contains(IdentityConfiguration.AUDIENCE);
		assertThat(claims.get("roles").toString()).isEqualTo("[\"service\"]");
		assertThatThrownBy(() -> tokens.forMachine("library-machine", "wrong")).hasMessageContaining("401");
	}

	@Test
	void theOperatorsClientGetsTheOperatorRoleAndNotTheScrapersOne() {
		JsonNode claims = Tokens.claims(tokens.forMachine("library-operator", "library-operator-local-secret"));

		assertThat(claims.get("sub").asString()).isEqualTo("library-operator");
		assertThat(claims.get("roles").toString()).isEqualTo("[\"operator\"]");
		assertThatThrownBy(() -> tokens.forMachine("library-operator", "library-machine-local-secret"))
			.hasMessageContaining("401");
	}

	@Test
	void healthIsPublicAndEverythingElseAsksToSignIn() {
		assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);
		var other = http.get("/actuator/env");
		assertThat(other.status()).isIn(302, 401);
	}

	private static Path temporaryDirectory() {
		try {
			return Files.createTempDirectory("identity-keys");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void theApiConsolesMayExchangeTheirCodeFromTheirOwnOriginAndNoOtherMay() {
		var console = http.send(http
			.builder("/oauth2/token", "Origin", "http://localhost:8082", "Access-Control-Request-Method", "POST",
					"Access-Control-Request-Headers", "content-type")
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
		var stranger = http.send(
				http.builder("/oauth2/token", "Origin", "http://evil.example", "Access-Control-Request-Method", "POST")
					.method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

		assertThat(console.status()).isEqualTo(200);
		assertThat(console.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:8082");
		assertThat(stranger.status()).isEqualTo(403);
		assertThat(stranger.header("Access-Control-Allow-Origin")).isNull();
	}

	@Test
	void aPersonSignsInFromAServicesApiConsole() {
		JsonNode response = tokens.signIn("alan", PASSWORD + " alan", SecurityConfiguration.API_CONSOLE,
				"http://localhost:8083/swagger-ui/oauth2-redirect.html");

		JsonNode claims = Tokens.claims(response.get("access_token").asString());
		assertThat(claims.get("sub").asString()).isEqualTo("alan");
		assertThat(claims.get("aud").toString()).contains("library-services");
		assertThatThrownBy(() -> tokens.signIn("alan", PASSWORD + " alan", SecurityConfiguration.API_CONSOLE,
				"http://evil.example/swagger-ui/oauth2-redirect.html"))
			.as("a redirect the console client does not have")
			.isInstanceOf(IllegalStateException.class);
	}

}
