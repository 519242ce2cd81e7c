package org.library.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.library.testsupport.LibraryServiceTest;
import org.library.testsupport.ServiceUnderTest;
import org.library.verifier.Merkle;
import org.library.verifier.TrailEntry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * The trail is a Merkle log: every stored event has its own place, 0 to n-1 without a
 * gap, redelivered or not, and the tree the service keeps is the tree anyone computes
 * again from the stored events, as the offline verifier does.
 */
@LibraryServiceTest
class MerkleLogTest {

	private final ServiceUnderTest service;

	@Autowired
	MerkleLog tree;

	@Autowired
	JdbcClient jdbc;

	MerkleLogTest(ServiceUnderTest service) {
		this.service = service;
	}

	private void awaitStored(String book, long count) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.sql("SELECT count(*) FROM audit_event WHERE entity_id = ?")
				.param(book)
				.query(Long.class)
				.single() == count);
	}

	@Test
	void everyEventTakesTheNextPlaceOnceAndTheTreeIsTheOneAnyoneRecomputes() {
		String book = UUID.randomUUID().toString();
		UUID twice = UUID.randomUUID();
		try (AuditFeed feed = new AuditFeed(service.bootstrapServers())) {
			for (int i = 0; i < 30; i++) {
				feed.send(book, "LoanOpened", "reader-" + i);
			}
			String event = AuditFeed.event(twice, Instant.now(), AuditFeed.SOURCE, "ada", "LoanReturned", book);
			feed.send(twice, event, book);
			feed.send(twice, event, book);
			awaitStored(book, 31);
			// a later append takes in whatever was placed before it (other tests insert
			// rows by hand)
			String later = UUID.randomUUID().toString();
			feed.send(later, "LoanOpened", "reader");
			awaitStored(later, 1);
		}
		await().atMost(Duration.ofSeconds(30))
			.until(() -> tree.size() == jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single());

		long size = tree.size();
		assertThat(jdbc.sql("SELECT min(leaf_index), max(leaf_index) FROM audit_event")
			.query((row, n) -> List.of(row.getLong(1), row.getLong(2)))
			.single()).containsExactly(0L, size - 1);
		assertThat(jdbc.sql("SELECT size FROM tree_head").query(Long.class).single()).isEqualTo(size);

		List<byte[]> leaves = tree.entries(0, size).stream().map(TrailEntry::leafHash).toList();
		byte[] root = Merkle.root(leaves);
		assertThat(tree.root(size)).isEqualTo(root);
		long placeOfTwice = jdbc.sql("SELECT leaf_index FROM audit_event WHERE id = ?")
			.param(twice)
			.query(Long.class)
			.single();
		List<byte[]> proof = tree.inclusion(twice, size).proof();
		assertThat(proof).hasSizeLessThanOrEqualTo(64 - Long.numberOfLeadingZeros(size - 1));
		assertThat(proof).usingElementComparator(Arrays::compare)
			.containsExactlyElementsOf(Merkle.inclusionProof((int) placeOfTwice, leaves));
	}

	@Test
	void aPlaceWithNoEventStopsTheTreeThere() throws SQLException {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> tree.size() == jdbc.sql("SELECT size FROM tree_head").query(Long.class).single());
		long size = tree.size();
		// a place given and its row gone before it was hashed: the next event must not
		// be hashed into it
		superuser("UPDATE audit.tree_head SET size = size + 1");
		try {
			assertThatIllegalStateException().isThrownBy(tree::grow)
				.withMessage("the trail has no event at place " + size + ", and the tree stops before it");
			assertThat(tree.size()).isEqualTo(size);
		}
		finally {
			superuser("UPDATE audit.tree_head SET size = size - 1");
		}
	}

	private void superuser(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(service.jdbcUrl(), "postgres", "postgres");
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
