package org.library.catalog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.library.infrastructure.EmbeddedKafkaServer;
import org.library.infrastructure.LibraryInfrastructure;
import org.library.testsupport.Caller;
import org.library.testsupport.Http;
import org.library.testsupport.ServiceInstances;
import org.library.testsupport.TestIssuer;
import org.library.testsupport.TopicRecords;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.library.testsupport.FreePorts.freePort;

/**
 * The outbox keeps every event while Kafka is away, across a service restart, and
 * delivers it once the broker is back, without another restart. Runs in its own JVM (see
 * the pom): it starts and stops the service itself.
 */
class OutboxFaultTest {

	@Test
	void booksAddedWhileTheBrokerIsDownReachTheTopicOnceItIsBackEvenAcrossARestart() throws Exception {
		LibraryInfrastructure infrastructure = LibraryInfrastructure.forTests();
		int brokerPort = freePort();
		String bootstrap = "localhost:" + brokerPort;

		String first;
		try (ConfigurableApplicationContext catalog = startCatalog(infrastructure, bootstrap)) {
			var created = new Http(port(catalog)).as(Caller.LIBRARIAN)
				.post("/api/books", TestBooks.json("Written while Kafka is down"));
			assertThat(created.status()).isEqualTo(201);
			first = created.json().get("id").asString();
		}

		// restarted, and the broker is still away
		try (ConfigurableApplicationContext catalog = startCatalog(infrastructure, bootstrap)) {
			Http http = new Http(port(catalog)).as(Caller.LIBRARIAN);
			// what health's parts hold is for an operator: a machine client's token
			Http operator = http.as(Caller.MACHINE);
			var created = http.post("/api/books", TestBooks.json("Written after the restart"));
			assertThat(created.status()).isEqualTo(201);
			String second = created.json().get("id").asString();
			// two books and their two audit events wait, and health says so
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				JsonNode outbox = operator.get("/actuator/health").json().path("components").path("outbox");
				assertThat(outbox.path("details").path("pending").asLong()).isGreaterThanOrEqualTo(4);
				assertThat(outbox.path("details").path("failingSince").isString()).isTrue();
			});

			try (EmbeddedKafkaServer kafka = EmbeddedKafkaServer.start(brokerPort, null)) {
				List<ConsumerRecord<String, String>> firstRecords = TopicRecords.awaitRecords(bootstrap,
						BookTopicTest.TOPIC, first, 1);
				List<ConsumerRecord<String, String>> secondRecords = TopicRecords.awaitRecords(bootstrap,
						BookTopicTest.TOPIC, second, 1);

				assertThat(Http.JSON.readTree(firstRecords.getFirst().value()).get("title").asString())
					.isEqualTo("Written while Kafka is down");
				assertThat(Http.JSON.readTree(secondRecords.getFirst().value()).get("title").asString())
					.isEqualTo("Written after the restart");
				// the audit trail's events took the same way: stored with the change,
				// relayed once Kafka was back
				for (String book : List.of(first, second)) {
					var audit = TopicRecords.awaitRecords(bootstrap, "library.audit.book-catalog-service", book, 1)
						.getFirst();
					assertThat(Http.JSON.readTree(audit.value()).get("action").asString()).isEqualTo("BookAdded");
				}
				await().atMost(Duration.ofSeconds(30))
					.until(() -> operator.get("/actuator/health")
						.json()
						.path("components")
						.path("outbox")
						.path("details")
						.path("pending")
						.asLong() == 0);
			}
		}
	}

	@Test
	void twoInstancesRelayingABacklogKeepEachBooksOrderSoItsLastRecordIsItsRemoval() throws Exception {
		LibraryInfrastructure infrastructure = LibraryInfrastructure.forTests();
		int brokerPort = freePort();
		String bootstrap = "localhost:" + brokerPort;
		try (ConfigurableApplicationContext first = startCatalog(infrastructure, bootstrap,
				"--library.outbox.batch-size=3");
				ConfigurableApplicationContext second = startCatalog(infrastructure, bootstrap,
						"--library.outbox.batch-size=3")) {
			List<Http> instances = List.of(new Http(port(first)).as(Caller.LIBRARIAN),
					new Http(port(second)).as(Caller.LIBRARIAN));
			// a backlog while the broker is away: a book changed 30 times through both
			// instances, then removed
			String isbn = TestBooks.uniqueIsbn13();
			var created = instances.get(0).post("/api/books", TestBooks.json(isbn, "Version 0", "Ursula K. Le Guin"));
			String id = created.json().get("id").asString();
			String etag = created.header("ETag");
			for (int version = 1; version <= 30; version++) {
				var updated = instances.get(version % 2)
					.put("/api/books/" + id, TestBooks.json(isbn, "Version " + version, "Ursula K. Le Guin"),
							"If-Match", etag, "Accept", "application/json");
				assertThat(updated.status()).isEqualTo(200);
				etag = updated.header("ETag");
			}
			assertThat(instances.get(1).delete("/api/books/" + id).status()).isEqualTo(204);

			try (EmbeddedKafkaServer kafka = EmbeddedKafkaServer.start(brokerPort, null)) {
				// the removal's audit event is stored after the tombstone: once it is
				// there, so is the rest
				TopicRecords.awaitRecords(bootstrap, "library.audit.book-catalog-service", id, 32);
				List<ConsumerRecord<String, String>> records = TopicRecords.awaitRecords(bootstrap, BookTopicTest.TOPIC,
						id, 32);

				assertThat(records.getLast().value()).as("the last record of a removed book is its tombstone").isNull();
				List<Integer> versions = records.stream()
					.filter(record -> record.value() != null)
					.map(record -> Http.JSON.readTree(record.value()).get("version").asInt())
					.toList();
				assertThat(versions).as("each snapshot after the one before, resent batches aside")
					.containsSubsequence(IntStream.rangeClosed(0, 30).boxed().toList());
				assertThat(versions.getLast()).isEqualTo(30);
			}
		}
	}

	private static ConfigurableApplicationContext startCatalog(LibraryInfrastructure infrastructure, String bootstrap,
			String... more) {
		List<String> arguments = new ArrayList<>(List.of("--library.outbox.max-backoff=1s"));
		arguments.addAll(List.of(more));
		return ServiceInstances.start(CatalogApplication.class, bootstrap, arguments.toArray(String[]::new));
	}

	private static int port(ConfigurableApplicationContext context) {
		return ServiceInstances.port(context);
	}

}
