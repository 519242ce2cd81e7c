package org.library.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.library.infrastructure.LibraryInfrastructure;
import org.library.testsupport.Caller;
import org.library.testsupport.Http;
import org.library.testsupport.ServiceInstances;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two audit-service instances ingest side by side, and a client that reads the whole
 * trail again and again, page by page along the cursor, never finds a row appear below
 * rows it has already seen: each read is the one before with newer rows on top.
 *
 * <p>
 * To make the race certain rather than likely, one instance's append is held open: the
 * test inserts, and keeps uncommitted, a row with the id of an event about to arrive, so
 * that instance's INSERT waits on it with its earlier rows (and their {@code seq}) taken.
 * Meanwhile the other instance goes on ingesting other partitions. Only when the test
 * rolls back does the held batch commit. Runs in its own JVM (see the pom).
 */
class TwoInstancesPagingTest {

	private static final int EVENTS = 600;

	private final LibraryInfrastructure infrastructure = LibraryInfrastructure.forTests();

	@Test
	void aReaderPagingWhileTwoInstancesIngestNeverFindsARowBelowOnesItHasSeen() throws Exception {
		String entity = "paging-" + UUID.randomUUID();
		UUID held = UUID.randomUUID();
		try (ConfigurableApplicationContext first = start();
				ConfigurableApplicationContext second = start();
				AuditFeed feed = new AuditFeed(infrastructure.kafkaBootstrapServers());
				Connection blocker = DriverManager.getConnection(infrastructure.jdbcUrl(), "audit_owner",
						"audit_owner")) {
			Http http = ServiceInstances.http(first).as(Caller.AUDITOR);
			blocker.setAutoCommit(false);
			try (PreparedStatement insert = blocker.prepareStatement("INSERT INTO audit.audit_event (id, occurred_at, "
					+ "source, actor, action, entity_type, entity_id) VALUES (?, ?, 's', 'a', 'Held', 'Book', ?)")) {
				insert.setObject(1, held);
				insert.setTimestamp(2, Timestamp.from(Instant.now()));
				insert.setString(3, entity);
				insert.executeUpdate();
			}

			feed.send(held, AuditFeed.event(held, Instant.now(), AuditFeed.SOURCE, "a", "Held", entity), "key-held");
			for (int i = 0; i < EVENTS; i++) {
				UUID id = UUID.randomUUID();
				// keys spread the events over every partition, so the instance that is
				// not held goes on
				feed.sendAsync(id, AuditFeed.event(id, Instant.now(), AuditFeed.SOURCE, "a", "Event" + i, entity),
						"key-" + i);
			}
			feed.flush();

			List<List<String>> reads = new ArrayList<>();
			long holdUntil = System.nanoTime() + Duration.ofSeconds(3).toNanos();
			while (System.nanoTime() < holdUntil) {
				reads.add(readWholeTrail(http, entity));
			}
			blocker.rollback();
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				reads.add(readWholeTrail(http, entity));
				return reads.getLast().size() == EVENTS + 1;
			});

			for (int read = 1; read < reads.size(); read++) {
				List<String> before = reads.get(read - 1);
				List<String> after = reads.get(read);
				assertThat(after.subList(after.size() - Math.min(before.size(), after.size()), after.size()))
					.as("read %d of %d: the read before is exactly what lies below the new rows", read, reads.size())
					.isEqualTo(before);
			}
			assertThat(reads.getLast()).doesNotHaveDuplicates().contains(held.toString());
		}
	}

	/** Every event of the entity, newest first, following the cursor to the end. */
	private static List<String> readWholeTrail(Http http, String entity) {
		List<String> ids = new ArrayList<>();
		String cursor = null;
		do {
			JsonNode page = http
				.get("/api/audit-events?entityId=" + entity + "&limit=500"
						+ (cursor == null ? "" : "&cursor=" + cursor))
				.json();
			page.get("items").forEach(item -> ids.add(item.get("id").asString()));
			cursor = page.path("nextCursor").asString(null);
		}
		while (cursor != null);
		return ids;
	}

	private ConfigurableApplicationContext start() {
		// small polls: many batches, so the instance that is not held commits many times
		// meanwhile
		return ServiceInstances.start(AuditApplication.class, infrastructure.kafkaBootstrapServers(),
				"--spring.kafka.consumer.max-poll-records=20");
	}

}
