package org.library.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.library.testsupport.Caller;
import org.library.testsupport.Http;
import org.library.testsupport.LibraryServiceTest;
import org.library.testsupport.ServiceUnderTest;
import org.library.testsupport.TopicRecords;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the writing services publish ends up in the trail once, and what nobody can read
 * ends up in the DLT.
 */
@LibraryServiceTest
class AuditIngestTest {

	private static final String SOURCE = "book-inventory-service";

	private static final String DLT = "library.audit.book-inventory-service.audit-service.DLT";

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
		feed.send(id, AuditFeed.event(id, occurred, "book-inventory-service", "reader-9", "LoanOpened", book)
			.replace("\"details\"", "\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"details\""), book);

		JsonNode event = awaitEvents(book, 1).get("items").get(0);

		assertThat(event.get("id").asString()).isEqualTo(id.toString());
		assertThat(Instant.parse(event.get("occurredAt").asString())).isEqualTo(occurred);
		assertThat(event.get("source").asString()).isEqualTo("book-inventory-service");
		assertThat(event.get("actor").asString()).isEqualTo("reader-9");
		assertThat(event.get("action").asString()).isEqualTo("LoanOpened");
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
		String json = AuditFeed.event(id, Instant.now(), SOURCE, "a", "BookAdded", book);
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
		feed.raw(noId, AuditFeed.event(UUID.randomUUID(), Instant.now(), SOURCE, "a", "CopiesAdded", noId)
			.replaceFirst("\"id\":\"[^\"]+\",", ""));
		feed.raw(blankActor, AuditFeed.event(UUID.randomUUID(), Instant.now(), SOURCE, " ", "CopiesAdded", blankActor));
		feed.raw(badTrace, AuditFeed.event(UUID.randomUUID(), Instant.now(), SOURCE, "a", "CopiesAdded", badTrace)
			.replace("\"details\"", "\"traceId\":\"'; DROP TABLE audit_event; --\",\"details\""));
		feed.send(book, "LoanOpened", "reader");

		awaitEvents(book, 2);
		Map<String, String> reasons = Map.of(garbage, "not an audit event", noId, "needs an id", blankActor,
				"must each be 1 to 200 characters", badTrace, "traceId must be a W3C trace id");
		reasons.forEach((key, reason) -> {
			ConsumerRecord<String, String> dead = TopicRecords.awaitRecords(service.bootstrapServers(), DLT, key, 1)
				.getFirst();
			assertThat(TopicRecords.header(dead, "kafka_dlt-exception-message")).contains(reason);
			assertThat(TopicRecords.header(dead, "kafka_dlt-original-topic")).isEqualTo(AuditFeed.TOPIC);
			assertThat(http.get("/api/audit-events?entityId=" + key).json().get("items")).isEmpty();
		});
	}

	@Test
	void whatPostgresCouldNotStoreIsDeadLetteredWithItsReasonAndTheEventsAroundItAreStored() {
		String book = UUID.randomUUID().toString();
		Map<String, String> poison = new LinkedHashMap<>();
		poison.put("nul-" + book,
				AuditFeed.event(UUID.randomUUID(), Instant.now(), SOURCE, "a", "CopiesAdded", "nul-" + book)
					.replace("{\"count\":1}", "{\"note\":\"a\\u0000b\"}"));
		poison.put("control-" + book, AuditFeed.event(UUID.randomUUID(), Instant.now(), SOURCE, "a\\u001bb",
				"CopiesAdded", "control-" + book));
		poison.put("year-" + book,
				AuditFeed.event(UUID.randomUUID(), Instant.now(), SOURCE, "a", "CopiesAdded", "year-" + book)
					.replaceFirst("\"occurredAt\":\"[^\"]+\"", "\"occurredAt\":\"+10000-01-01T00:00:00Z\""));
		poison.put("deep-" + book,
				AuditFeed.event(UUID.randomUUID(), Instant.now(), SOURCE, "a", "CopiesAdded", "deep-" + book)
					.replace("{\"count\":1}", "{\"a\":".repeat(9) + "1" + "}".repeat(9)));
		poison.put("forged-" + book, AuditFeed.event(UUID.randomUUID(), Instant.now(), "book-catalog-service", "a",
				"CopiesAdded", "forged-" + book));
		List<UUID> good = new ArrayList<>();
		for (Map.Entry<String, String> record : poison.entrySet()) {
			good.add(feed.send(book, "LoanOpened", "reader"));
			feed.raw(record.getKey(), record.getValue());
		}
		good.add(feed.send(book, "LoanOpened", "reader"));

		assertThat(awaitEvents(book, good.size()).get("items"))
			.extracting(event -> UUID.fromString(event.get("id").asString()))
			.containsExactlyInAnyOrderElementsOf(good);
		Map<String, String> reasons = Map.of("nul-" + book, "NUL", "control-" + book, "without control characters",
				"year-" + book, "years 1 to 9999", "deep-" + book, "nest at most", "forged-" + book,
				"claims to come from book-catalog-service but came on the audit topic of book-inventory-service");
		reasons.forEach((key,
				reason) -> assertThat(TopicRecords.header(
						TopicRecords.awaitRecords(service.bootstrapServers(), DLT, key, 1).getFirst(),
						"kafka_dlt-exception-message"))
					.as(key)
					.contains(reason));
	}

	@Test
	void aBatchTheDatabaseRefusesIsSplitToFindTheEventItRefusesAndTheRestIsStored() {
		String book = UUID.randomUUID().toString();
		JdbcClient owner = service.as("audit_owner");
		// a rule the database has and the reader does not know: only Postgres can refuse
		// these events
		owner.sql("ALTER TABLE audit_event ADD CONSTRAINT no_refused_action CHECK (action <> 'Refused') NOT VALID")
			.update();
		try {
			List<Future<?>> sends = new ArrayList<>();
			List<UUID> good = new ArrayList<>();
			UUID refused = null;
			for (int i = 0; i < 50; i++) {
				UUID id = UUID.randomUUID();
				String action = i == 25 ? "Refused" : "LoanOpened";
				if (i == 25) {
					refused = id;
				}
				else {
					good.add(id);
				}
				sends.add(feed.sendAsync(id, AuditFeed.event(id, Instant.now(), SOURCE, "reader", action, book), book));
			}
			feed.flush();
			assertThat(awaitEvents(book, good.size()).get("items"))
				.extracting(event -> UUID.fromString(event.get("id").asString()))
				.containsExactlyInAnyOrderElementsOf(good);
			ConsumerRecord<String, String> dead = TopicRecords.awaitRecords(service.bootstrapServers(), DLT, book, 1)
				.getFirst();
			assertThat(dead.value()).contains(refused.toString());
			assertThat(TopicRecords.header(dead, "kafka_dlt-exception-message")).contains("23514");
		}
		finally {
			owner.sql("ALTER TABLE audit_event DROP CONSTRAINT no_refused_action").update();
		}
	}

	@Test
	void aDatabaseThatRefusesWritesStallsTheTrailWithoutDeadLettersAndEveryEventArrivesOnce() {
		String book = UUID.randomUUID().toString();
		long deadLetters = TopicRecords.count(service.bootstrapServers(), DLT);
		JdbcClient owner = service.as("audit_owner");
		owner.sql("REVOKE INSERT ON audit_event FROM audit_app").update();
		List<UUID> sent = new ArrayList<>();
		try {
			for (int i = 0; i < 20; i++) {
				sent.add(feed.send(book, "LoanOpened", "reader-" + i));
			}
			await().atMost(Duration.ofSeconds(30)).until(() -> "DOWN".equals(http.health("consumers")));
			// what an alert watches: how long the consumer has been stuck
			Http scraper = service.http().as(Caller.MACHINE);
			await().atMost(Duration.ofSeconds(30)).until(() -> stuckSeconds(scraper) >= 1);
			assertThat(http.get("/api/audit-events?entityId=" + book).json().get("items")).isEmpty();
		}
		finally {
			// what V3__merkle_log.sql grants: the event's own fields, never its place or
			// time
			owner
				.sql("GRANT INSERT (id, occurred_at, source, actor, action, entity_type, entity_id, details, "
						+ "trace_id) ON audit_event TO audit_app")
				.update();
		}

		JsonNode page = awaitEvents(book, 20);
		assertThat(page.get("items")).extracting(event -> UUID.fromString(event.get("id").asString()))
			.containsExactlyInAnyOrderElementsOf(sent);
		await().atMost(Duration.ofSeconds(30)).until(() -> "UP".equals(http.health("consumers")));
		assertThat(TopicRecords.count(service.bootstrapServers(), DLT)).isEqualTo(deadLetters);
	}

	private static double stuckSeconds(Http scraper) {
		return scraper.get("/actuator/prometheus")
			.body()
			.lines()
			.filter(line -> line.startsWith("library_consumer_stuck_seconds "))
			.mapToDouble(line -> Double.parseDouble(line.substring(line.indexOf(' ') + 1)))
			.findFirst()
			.orElse(-1);
	}

	private JsonNode awaitEvents(String entityId, int count) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> http.get("/api/audit-events?entityId=" + entityId).json().get("items").size() >= count);
		JsonNode page = http.get("/api/audit-events?entityId=" + entityId).json();
		assertThat(page.get("items")).hasSize(count);
		return page;
	}

}
