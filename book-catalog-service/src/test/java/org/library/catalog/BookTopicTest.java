package org.library.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.library.contracts.CloudEventHeaders;
import org.library.contracts.Topics;
import org.library.infrastructure.LibraryInfrastructure;
import org.library.testsupport.Caller;
import org.library.testsupport.Contracts;
import org.library.testsupport.Http;
import org.library.testsupport.ServiceUnderTest;
import org.library.testsupport.TopicRecords;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@CatalogIntegrationTest
class BookTopicTest {

	static final String TOPIC = Topics.CATALOG_BOOKS;

	private final ServiceUnderTest service;

	BookTopicTest(ServiceUnderTest service) {
		this.service = service;
	}

	@Test
	void everyChangeReachesTheTopicAsSnapshotOrTombstoneWithCloudEventsHeaders() {
		Http http = service.http().as(Caller.LIBRARIAN);
		String isbn = TestBooks.uniqueIsbn13();
		String id = http.post("/api/books", TestBooks.json(isbn, "Kindred", "Octavia E. Butler"))
			.json()
			.get("id")
			.asString();
		http.put("/api/books/" + id, TestBooks.json(isbn, "Kindred (25th anniversary)", "Octavia E. Butler"),
				"Content-Type", "application/json", "If-Match", "\"0\"");
		http.delete("/api/books/" + id);

		List<ConsumerRecord<String, String>> records = TopicRecords.awaitRecords(service.bootstrapServers(), TOPIC, id,
				3);

		assertThat(records).hasSize(3);
		JsonNode added = Http.JSON.readTree(records.get(0).value());
		assertThat(added.get("id").asString()).isEqualTo(id);
		assertThat(added.get("isbn").asString()).isEqualTo(isbn);
		assertThat(added.get("title").asString()).isEqualTo("Kindred");
		assertThat(added.get("version").asLong()).isZero();
		JsonNode updated = Http.JSON.readTree(records.get(1).value());
		assertThat(updated.get("title").asString()).isEqualTo("Kindred (25th anniversary)");
		assertThat(updated.get("version").asLong()).isEqualTo(1);
		assertThat(records.get(2).value()).as("tombstone").isNull();
		// the published contract describes the real records
		assertThat(Contracts.violations(Contracts.BOOK_SNAPSHOT, records.get(0).value())).isEmpty();
		assertThat(Contracts.violations(Contracts.BOOK_SNAPSHOT, records.get(1).value())).isEmpty();
		assertThat(Contracts.violations(Contracts.BOOK_SNAPSHOT, records.get(1).value().replace("{", "{\"extra\":1,")))
			.as("the contract is strict enough to notice drift")
			.isNotEmpty();

		assertThat(records).extracting(record -> TopicRecords.header(record, CloudEventHeaders.TYPE))
			.containsExactly("org.library.catalog.BookAdded", "org.library.catalog.BookUpdated",
					"org.library.catalog.BookRemoved");
		for (ConsumerRecord<String, String> record : records) {
			assertThat(TopicRecords.header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
			assertThat(TopicRecords.header(record, CloudEventHeaders.SOURCE)).isEqualTo("book-catalog-service");
			assertThat(TopicRecords.header(record, CloudEventHeaders.ACTOR)).isEqualTo("librarian");
			assertThat(Instant.parse(TopicRecords.header(record, CloudEventHeaders.TIME)))
				.isBefore(Instant.now().plusSeconds(1));
			assertThat(UUID.fromString(TopicRecords.header(record, CloudEventHeaders.ID))).isNotNull();
		}
		assertThat(records.stream()
			.map(record -> TopicRecords.header(record, CloudEventHeaders.ID))
			.collect(Collectors.toSet())).hasSize(3);
		assertThat(TopicRecords.header(records.get(0), "content-type")).isEqualTo("application/json");
		assertThat(TopicRecords.header(records.get(2), "content-type")).isNull();
	}

	@Test
	void everyChangeIsRecordedOnceInTheAuditTrailWithItsCaller() {
		Http http = service.http().as(Caller.LIBRARIAN);
		String isbn = TestBooks.uniqueIsbn13();
		String id = http.post("/api/books", TestBooks.json(isbn, "Dawn", "Octavia E. Butler"))
			.json()
			.get("id")
			.asString();
		http.put("/api/books/" + id, TestBooks.json(isbn, "Dawn (Xenogenesis 1)", "Octavia E. Butler"), "Content-Type",
				"application/json", "If-Match", "\"0\"");
		http.put("/api/books/" + id, TestBooks.json(isbn, "Refused", "Octavia E. Butler"), "Content-Type",
				"application/json", "If-Match", "\"0\""); // stale: records nothing
		http.delete("/api/books/" + id);

		List<ConsumerRecord<String, String>> records = TopicRecords.awaitRecords(service.bootstrapServers(),
				"library.audit.book-catalog-service", id, 3);

		List<JsonNode> events = records.stream().map(record -> Http.JSON.readTree(record.value())).toList();
		assertThat(events).extracting(event -> event.get("action").asString())
			.containsExactly("BookAdded", "BookUpdated", "BookRemoved");
		assertThat(events).extracting(event -> event.get("actor").asString())
			.containsExactly("librarian", "librarian", "librarian");
		assertThat(events).allSatisfy(event -> {
			assertThat(event.get("source").asString()).isEqualTo("book-catalog-service");
			assertThat(event.get("entityType").asString()).isEqualTo("Book");
			assertThat(event.get("details").get("isbn").asString()).isEqualTo(isbn);
		});
		assertThat(events.get(1).get("details").get("title").asString()).isEqualTo("Dawn (Xenogenesis 1)");
		assertThat(records)
			.allSatisfy(record -> assertThat(Contracts.violations(Contracts.AUDIT_EVENT, record.value())).isEmpty());
	}

	@Test
	void servesTheEventContractOfTheTopicItOwns() {
		Http http = new Http(service.port());
		var asyncApi = http.get("/contracts/asyncapi.yaml");
		assertThat(asyncApi.status()).isEqualTo(200);
		assertThat(asyncApi.body()).contains("asyncapi: 3.0.0", "address: " + Topics.CATALOG_BOOKS);
		assertThat(http.get("/contracts/schemas/book-snapshot.schema.json").json().get("title").asString())
			.isEqualTo("Book snapshot");
	}

	@Test
	void theActorIsTheTokensSubjectWhateverTheRequestSays() {
		// a header that once named the actor, and a made-up one: neither is read
		String id = service.http()
			.as(Caller.LIBRARIAN)
			.post("/api/books", TestBooks.json("Whose book?"), "Content-Type", "application/json", "X-Actor", "mallory",
					"X-Forwarded-User", "mallory")
			.json()
			.get("id")
			.asString();

		ConsumerRecord<String, String> record = TopicRecords.awaitRecords(service.bootstrapServers(), TOPIC, id, 1)
			.getFirst();
		ConsumerRecord<String, String> audit = TopicRecords
			.awaitRecords(service.bootstrapServers(), "library.audit.book-catalog-service", id, 1)
			.getFirst();

		assertThat(TopicRecords.header(record, CloudEventHeaders.ACTOR)).isEqualTo("librarian");
		assertThat(Http.JSON.readTree(audit.value()).get("actor").asString()).isEqualTo("librarian");
	}

	@Test
	void theServiceDeclaresItsTopicCompacted() throws Exception {
		try (Admin admin = Admin.create(LibraryInfrastructure.forTests().kafkaSuperUser())) {
			ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, TOPIC);
			Config config = admin.describeConfigs(Set.of(topic)).all().get().get(topic);
			assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
			assertThat(admin.describeTopics(Set.of(TOPIC)).allTopicNames().get().get(TOPIC).partitions()).hasSize(3);
		}
	}

}
