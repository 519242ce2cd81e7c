package org.library.catalog;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.library.infrastructure.LibraryInfrastructure;
import org.library.testsupport.Caller;
import org.library.testsupport.Http;
import org.library.testsupport.TestIssuer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The issuer is a process of its own, and can be away. Before the service has its keys, a
 * request with a token is answered 503 with {@code Retry-After} (the token may be fine;
 * the service cannot tell yet) and changes nothing, while anonymous reads go on; once the
 * issuer is back the same token works, and once the keys are known the issuer may go away
 * again without anyone noticing. Runs in its own JVM (see the pom): it starts and stops
 * the issuer and the service itself.
 */
class IssuerFaultTest {

	@Test
	void anIssuerThatIsAwayIsA503ToRetryNeverA401OrA500() {
		TestIssuer issuer = TestIssuer.own();
		issuer.start();
		String token = issuer.token(Caller.LIBRARIAN);
		issuer.stop();
		LibraryInfrastructure infrastructure = LibraryInfrastructure.forTests();
		try (ConfigurableApplicationContext catalog = new SpringApplicationBuilder(CatalogApplication.class).run(
				"--server.port=0", "--spring.datasource.url=" + infrastructure.jdbcUrl(),
				"--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
				"--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer.uri())) {
			Http http = new Http(((WebServerApplicationContext) catalog).getWebServer().getPort());
			String isbn = TestBooks.uniqueIsbn13();

			var away = http.withToken(token).post("/api/books", TestBooks.json(isbn, "While the issuer is away", "A"));
			assertThat(away.status()).as(away.body()).isEqualTo(503);
			assertThat(away.header("Retry-After")).isNotBlank();
			assertThat(away.header("Content-Type")).startsWith("application/problem+json");
			assertThat(http.get("/api/books?q=" + isbn).json().get("totalElements").asInt()).isZero();

			issuer.start();
			issuer.tokens(); // waits until it answers
			assertThat(http.withToken(token).post("/api/books", TestBooks.json(isbn, "Once it is back", "A")).status())
				.isEqualTo(201);

			issuer.stop();
			for (String title : List.of("Keys known", "Issuer away again")) {
				assertThat(http.withToken(token)
					.post("/api/books", TestBooks.json(TestBooks.uniqueIsbn13(), title, "A"))
					.status()).isEqualTo(201);
			}
		}
		finally {
			issuer.stop();
		}
	}

}
