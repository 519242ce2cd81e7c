package org.library.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.library.testsupport.Caller;
import org.library.testsupport.Http;
import org.library.testsupport.ServiceUnderTest;
import org.library.testsupport.TopicRecords;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the writing services publish ends up in the trail once, and what nobody can read ends up in the DLT.
 */
@AuditIntegrationTest
class AuditIngestTest {

	private final ServiceUnderTest service;

	private final Http http;

	AuditFeed feed;

	AuditIngestTest(ServiceUnderTest service) {
		this.service = service;
		this.http = service.http().as(Caller.AUDITOR);
	}

	@BeforeEach
	void setUp() {
		feed = new AuditFeed(service.bootstrapServers());
	}

	@AfterEach
	void tearDown() {
		feed.close();
	}

	@Test
	void storesAnEventWithEveryField() {
		String book = UUID.randomUUID().toString();
		UUID id = UUID.randomUUID();
		Instant occurred = Instant.now().truncatedTo(ChronoUnit.MICROS);
		feed.send(id, AuditFeed.event(id, occurred, "book-inventory-service", "reader-9", "CopyCheckedOut", book)
			.replace("\"details\"", "\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"details\""), book);

		JsonNode event = awaitEvents(book, 1).get("items").get(0);

		assertThat(event.get("id").asString()).isEqualTo(id.toString());
		assertThat(Instant.parse(event.get("occurredAt").asString())).isEqualTo(occurred);
		assertThat(event.get("source").asString()).isEqualTo("book-inventory-service");
		assertThat(event.get("actor").asString()).isEqualTo("reader-9");
		assertThat(event.get("action").asString()).isEqualTo("CopyCheckedOut");
		assertThat(event.get("entityType").asString()).isEqualTo("Book");
		assertThat(event.get("entityId").asString()).isEqualTo(book);
		assertThat(event.get("details").get("count").asInt()).isEqualTo(1);
		assertThat(event.get("traceId").asString()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
		assertThat(event.get("recordedAt").asString()).isNotBlank();
	}

	@Test
	void redeliveredEventIsStoredOnce() {
		String book = UUID.randomUUID().toString();
		UUID id = UUID.randomUUID();
		String json = AuditFeed.event(id, Instant.now(), "book-catalog-service", "a", "BookAdded", book);
		feed.send(id, json, book);
		feed.send(id, json, book);
		feed.send(id, json, book);
		feed.send(book, "BookUpdated", "a");

		JsonNode page = awaitEvents(book, 2);

		assertThat(page.get("items")).extracting(event -> event.get("action").asString())
			.containsExactly("BookUpdated", "BookAdded");
	}

	@Test
	void anUnreadableOrInvalidRecordGoesToTheDeadLetterTopicAndTheRecordsAfterItAreStored() {
		String book = UUID.randomUUID().toString();
		String garbage = "garbage-" + book;
		String noId = "no-id-" + book;
		String blankActor = "blank-actor-" + book;
		String badTrace = "bad-trace-" + book;
		feed.send(book, "CopiesAdded", "clerk");
		feed.raw(garbage, "{ not json at all");
		feed.raw(noId, AuditFeed.event(UUID.randomUUID(), Instant.now(), "s", "a", "CopiesAdded", noId)
			.replaceFirst("\"id\":\"[^\"]+\",", ""));
		feed.raw(blankActor, AuditFeed.event(UUID.randomUUID(), Instant.now(), "s", " ", "CopiesAdded", blankActor));
		feed.raw(badTrace, AuditFeed.event(UUID.randomUUID(), Instant.now(), "s", "a", "CopiesAdded", badTrace)
			.replace("\"details\"", "\"traceId\":\"'; DROP TABLE audit_event; --\",\"details\""));
		feed.send(book, "CopyCheckedOut", "reader");

		awaitEvents(book, 2);
		Map<String, String> reasons = Map.of(garbage, "not an audit event", noId, "needs an id", blankActor,
				"must each be 1 to 200 characters", badTrace, "traceId must be a W3C trace id");
		reasons.forEach((key, reason) -> {
			ConsumerRecord<String, String> dead = TopicRecords
				.awaitRecords(service.bootstrapServers(), "library.audit.DLT", key, 1)
				.getFirst();
			assertThat(TopicRecords.header(dead, "kafka_dlt-exception-message")).contains(reason);
			assertThat(TopicRecords.header(dead, "kafka_dlt-original-topic")).isEqualTo("library.audit");
			assertThat(http.get("/api/audit-events?entityId=" + key).json().get("items")).isEmpty();
		});
	}

	@Test
	void aDatabaseThatRefusesWritesStallsTheTrailWithoutDeadLettersAndEveryEventArrivesOnce() {
		String book = UUID.randomUUID().toString();
		long deadLetters = TopicRecords.count(service.bootstrapServers(), "library.audit.DLT");
		JdbcClient owner = service.as("audit_owner");
		owner.sql("REVOKE INSERT ON audit_event FROM audit_app").update();
		List<UUID> sent = new ArrayList<>();
		try {
			for (int i = 0; i < 20; i++) {
				sent.add(feed.send(book, "CopyCheckedOut", "reader-" + i));
			}
			await().atMost(Duration.ofSeconds(30)).until(() -> "DOWN".equals(http.health("consumers")));
			assertThat(http.get("/api/audit-events?entityId=" + book).json().get("items")).isEmpty();
		}
		finally {
			owner.sql("GRANT INSERT ON audit_event TO audit_app").update();
		}

		JsonNode page = awaitEvents(book, 20);
		assertThat(page.get("items")).extracting(event -> UUID.fromString(event.get("id").asString()))
			.containsExactlyInAnyOrderElementsOf(sent);
		await().atMost(Duration.ofSeconds(30)).until(() -> "UP".equals(http.health("consumers")));
		assertThat(TopicRecords.count(service.bootstrapServers(), "library.audit.DLT")).isEqualTo(deadLetters);
	}

	private JsonNode awaitEvents(String entityId, int count) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> http.get("/api/audit-events?entityId=" + entityId).json().get("items").size() >= count);
		JsonNode page = http.get("/api/audit-events?entityId=" + entityId).json();
		assertThat(page.get("items")).hasSize(count);
		return page;
	}

}
