package org.library.audit;

import java.time.Duration;
import java.util.UUID;

import org.library.testsupport.ServiceUnderTest;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.awaitility.Awaitility.await;

/**
 * Appends events to the trail the way the services do, over their audit topic, and waits
 * until they are stored and the Merkle log holds every event placed so far.
 */
final class LogAppends {

	private LogAppends() {
	}

	/** Appends {@code count} events about one new book; the id of the last. */
	static UUID append(ServiceUnderTest service, JdbcClient jdbc, MerkleLog tree, int count) {
		String book = UUID.randomUUID().toString();
		UUID last = null;
		try (AuditFeed feed = new AuditFeed(service.bootstrapServers())) {
			for (int i = 0; i < count; i++) {
				last = feed.send(book, "LoanOpened", "reader-" + i);
			}
		}
		await().atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.sql("SELECT count(*) FROM audit_event WHERE entity_id = ?")
				.param(book)
				.query(Long.class)
				.single() == count && tree.size() == jdbc.sql("SELECT size FROM tree_head").query(Long.class).single());
		return last;
	}

}
