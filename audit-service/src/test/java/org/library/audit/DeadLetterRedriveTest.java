package org.library.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.library.infrastructure.LibraryInfrastructure;
import org.library.testsupport.Caller;
import org.library.testsupport.Http;
import org.library.testsupport.ServiceInstances;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A dead letter waits, is counted with its reason, and once its cause is fixed an
 * operator redrives it through the actuator; it is stored exactly once, and a second
 * redrive sends nothing. The cause here: a writing service already sends a field this
 * audit service's reader does not accept yet; the fix is the reader that does. Runs in
 * its own JVM (see the pom): it starts and stops the service itself.
 */
class DeadLetterRedriveTest {

	private static final String DLT = "library.audit.book-inventory-service.audit-service.DLT";

	private final LibraryInfrastructure infrastructure = LibraryInfrastructure.forTests();

	private final JdbcClient jdbc = JdbcClient
		.create(new DriverManagerDataSource(infrastructure.jdbcUrl(), "audit_app", "audit_app"));

	@Test
	void aDeadLetterRedrivenOnceItsCauseIsFixedIsStoredExactlyOnce() {
		String entity = "redrive-" + UUID.randomUUID();
		UUID id = UUID.randomUUID();
		String newer = AuditFeed.event(id, Instant.now(), "book-inventory-service", "librarian", "BookAdded", entity)
			.replace("\"details\"", "\"branch\":\"east\",\"details\"");

		try (AuditFeed feed = new AuditFeed(infrastructure.kafkaBootstrapServers())) {
			try (ConfigurableApplicationContext strict = start(
					"--spring.jackson.deserialization.fail-on-unknown-properties=true")) {
				Http http = http(strict);
				long waitingBefore = waiting(http);
				feed.send(id, newer, entity);
				String next = "next-" + entity;
				feed.send(next, "BookAdded", "librarian");

				// the partition moves on past the dead letter
				await().atMost(Duration.ofSeconds(30)).until(() -> stored(next) == 1);
				await().atMost(Duration.ofSeconds(30)).until(() -> waiting(http) == waitingBefore + 1);
				assertThat(summary(http).get("reasons").propertyNames()).anyMatch(reason -> reason.contains("branch"));
				assertThat(stored(entity)).isZero();
			}

			try (ConfigurableApplicationContext fixed = start()) {
				Http http = http(fixed);
				long redrivenBefore = summary(http).get("redriven").asLong();

				JsonNode redrive = http.post("/actuator/deadletters/" + DLT, "{}").json();

				assertThat(redrive.get("redriven").asInt()).isGreaterThanOrEqualTo(1);
				await().atMost(Duration.ofSeconds(30)).until(() -> stored(entity) == 1);
				assertThat(waiting(http)).isZero();
				assertThat(summary(http).get("redriven").asLong())
					.isEqualTo(redrivenBefore + redrive.get("redriven").asInt());
				assertThat(http.post("/actuator/deadletters/" + DLT, "{}").json().get("redriven").asInt()).isZero();
				assertThat(http.post("/actuator/deadletters/library.nothing.DLT", "{}").status()).isEqualTo(400);
				// the redrive is itself in the trail, under the name of the operator who
				// asked (kept apart from the row, as every name is)
				assertThat(jdbc
					.sql("SELECT p.name FROM audit_event e JOIN personal_name p ON p.event_id = e.id "
							+ "AND p.field = 'actor' WHERE e.action = 'DeadLettersRedriven' AND e.entity_id = ?")
					.param(DLT)
					.query(String.class)
					.list()).containsExactly("library-operator");
			}
		}
		assertThat(jdbc.sql("SELECT id FROM audit_event WHERE entity_id = ?").param(entity).query(UUID.class).list())
			.containsExactly(id);
		assertThat(jdbc.sql("SELECT details->>'redriveTopic' FROM audit_event WHERE action = 'DeadLettersRedriven'")
			.query(String.class)
			.single()).isEqualTo("library.audit.book-inventory-service.audit-service.redrive");
	}

	private static JsonNode summary(Http http) {
		return http.get("/actuator/deadletters").json().path(DLT);
	}

	private static long waiting(Http http) {
		return summary(http).path("waiting").asLong(0);
	}

	private long stored(String entity) {
		return jdbc.sql("SELECT count(*) FROM audit_event WHERE entity_id = ?")
			.param(entity)
			.query(Long.class)
			.single();
	}

	private ConfigurableApplicationContext start(String... arguments) {
		return ServiceInstances.start(AuditApplication.class, infrastructure.kafkaBootstrapServers(), arguments);
	}

	private static Http http(ConfigurableApplicationContext context) {
		return ServiceInstances.http(context).as(Caller.OPERATOR);
	}

}
