package org.library.systemtests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.library.contracts.Topics;
import org.library.systemtests.WriteLoad.Expected;
import org.library.testsupport.KafkaClients;

/**
 * What the whole library holds, read from outside as the fault suite's judge: the
 * catalog, the inventory's and the reading list's copies of the books, the audit trail
 * (all through the superuser, read-only), the last record of each book on the catalog's
 * topic, and the dead-letter topics.
 */
final class LibraryState implements AutoCloseable {

	private static final String BOOKS = Topics.CATALOG_BOOKS;

	private static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");

	private final String jdbcUrl;

	private final String bootstrapServers;

	private final KafkaConsumer<String, String> topic;

	/** The last value per key on the catalog's topic; {@code null} for a tombstone. */
	private final Map<String, String> lastRecords = new HashMap<>();

	LibraryState(String jdbcUrl, String bootstrapServers) {
		this.jdbcUrl = jdbcUrl;
		this.bootstrapServers = bootstrapServers;
		this.topic = consumer();
	}

	/**
	 * How far the suite agrees with what was written; caught up when nothing is lost,
	 * doubled or at odds.
	 */
	record Verdict(long auditRows, long lost, long doubled, List<String> disagreements, List<String> extras) {

		boolean caughtUp() {
			return lost == 0 && doubled == 0 && disagreements.isEmpty();
		}

	}

	/**
	 * Judges the library against the load's ledger. A book added without an answer may be
	 * in the catalog under an id the load never saw: found here by its ISBN, its
	 * BookAdded event is one the trail may hold.
	 */
	Verdict check(Map<Expected, Integer> confirmed, Map<Expected, Integer> unknown, Set<String> unansweredAdditions)
			throws SQLException {
		Map<Expected, Integer> maybe = new HashMap<>(unknown);
		List<String> disagreements = new ArrayList<>();
		Map<String, Long> catalog = new HashMap<>();
		Map<String, String> inventory = new HashMap<>();
		Map<String, Object[]> readingList = new HashMap<>();
		Map<Expected, Integer> audit = new HashMap<>();
		try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
				Statement sql = connection.createStatement()) {
			try (ResultSet rows = sql.executeQuery("SELECT id::text, version FROM book_catalog.book")) {
				while (rows.next()) {
					catalog.put(rows.getString(1), rows.getLong(2));
				}
			}
			try (PreparedStatement added = connection
				.prepareStatement("SELECT id::text FROM book_catalog.book WHERE isbn = ANY (?)")) {
				added.setArray(1, connection.createArrayOf("text", unansweredAdditions.toArray()));
				try (ResultSet rows = added.executeQuery()) {
					while (rows.next()) {
						maybe.merge(new Expected("book-catalog-service", "BookAdded", rows.getString(1)), 1,
								Integer::sum);
					}
				}
			}
			try (ResultSet rows = sql.executeQuery("SELECT book_id::text, status FROM book_inventory.book_inventory")) {
				while (rows.next()) {
					inventory.put(rows.getString(1), rows.getString(2));
				}
			}
			// every copy is on the shelf, set aside for exactly one ready hold, or out on
			// exactly one open loan: a lend or return lost or doubled in a crash shows
			// here
			try (ResultSet rows = sql.executeQuery("""
					SELECT i.book_id::text, i.total_copies - i.available_copies - i.held_copies,
					       (SELECT count(*) FROM book_inventory.loan l
					        WHERE l.book_id = i.book_id AND l.returned_at IS NULL),
					       i.held_copies,
					       (SELECT count(*) FROM book_inventory.hold h
					        WHERE h.book_id = i.book_id AND h.status = 'READY')
					FROM book_inventory.book_inventory i""")) {
				while (rows.next()) {
					if (rows.getLong(2) != rows.getLong(3) || rows.getLong(4) != rows.getLong(5)) {
						disagreements
							.add("book %s has %d copies out and %d set aside, but %d open loans and %d ready holds"
								.formatted(rows.getString(1), rows.getLong(2), rows.getLong(4), rows.getLong(3),
										rows.getLong(5)));
					}
				}
			}
			try (ResultSet rows = sql
				.executeQuery("SELECT book_id::text, catalog_version, removed FROM reading_list.catalog_book")) {
				while (rows.next()) {
					readingList.put(rows.getString(1), new Object[] { rows.getLong(2), rows.getBoolean(3) });
				}
			}
			try (ResultSet rows = sql
				.executeQuery("SELECT source, action, entity_id, count(*) FROM audit.audit_event GROUP BY 1, 2, 3")) {
				while (rows.next()) {
					audit.put(new Expected(rows.getString(1), rows.getString(2), rows.getString(3)), rows.getInt(4));
				}
			}
		}

		// joint and single ownership: both copies follow the catalog, removed books
		// included
		catalog.forEach((book, version) -> {
			if (!"ACTIVE".equals(inventory.get(book))) {
				disagreements.add("inventory has " + inventory.get(book) + " for catalog book " + book);
			}
			Object[] copy = readingList.get(book);
			if (copy == null || (long) copy[0] != version || (boolean) copy[1]) {
				disagreements.add("reading list's copy of " + book + " is not version " + version);
			}
		});
		inventory.forEach((book, status) -> {
			if (!catalog.containsKey(book)) {
				if (!"WITHDRAWN".equals(status)) {
					disagreements.add("removed book " + book + " is " + status + " in the inventory");
				}
				Integer withdrawn = audit.get(new Expected("book-inventory-service", "BookWithdrawn", book));
				if (withdrawn == null || withdrawn != 1) {
					disagreements.add("removed book " + book + " has " + withdrawn + " BookWithdrawn events, not 1");
				}
			}
		});
		readingList.forEach((book, copy) -> {
			if (!catalog.containsKey(book) && !(boolean) copy[1]) {
				disagreements.add("removed book " + book + " is not flagged in the reading list");
			}
		});

		// the compacted topic: each book's last record is its current snapshot, or its
		// tombstone
		readTopicToTheEnd();
		catalog.forEach((book, version) -> {
			String last = lastRecords.get(book);
			Matcher lastVersion = last == null ? null : VERSION.matcher(last);
			if (lastVersion == null || !lastVersion.find() || Long.parseLong(lastVersion.group(1)) != version) {
				disagreements.add("the topic's last record of " + book + " is not version " + version);
			}
		});
		lastRecords.forEach((book, last) -> {
			if (!catalog.containsKey(book) && last != null) {
				disagreements.add("the topic's last record of removed book " + book + " is not its tombstone");
			}
		});

		// common ownership: every confirmed write once in the trail, nothing there that
		// nobody wrote
		long lost = 0;
		for (Map.Entry<Expected, Integer> write : confirmed.entrySet()) {
			lost += Math.max(0, write.getValue() - audit.getOrDefault(write.getKey(), 0));
		}
		long doubled = 0;
		long rows = 0;
		List<String> extras = new ArrayList<>();
		for (Map.Entry<Expected, Integer> stored : audit.entrySet()) {
			rows += stored.getValue();
			if (!stored.getKey().action().equals("BookWithdrawn")) {
				int allowed = confirmed.getOrDefault(stored.getKey(), 0) + maybe.getOrDefault(stored.getKey(), 0);
				if (stored.getValue() > allowed) {
					doubled += stored.getValue() - allowed;
					extras.add("%s: %d in the trail, at most %d written".formatted(stored.getKey(), stored.getValue(),
							allowed));
				}
			}
		}
		return new Verdict(rows, lost, doubled, disagreements, extras);
	}

	/** Records on the dead-letter topics; none, when nothing was unreadable. */
	long deadLetters() {
		long count = 0;
		for (String consumer : List.of("book-inventory-service", "reading-list-service")) {
			count += count(BOOKS + "." + consumer + ".DLT");
		}
		for (String source : List.of("book-catalog-service", "book-inventory-service", "reading-list-service")) {
			count += count("library.audit." + source + ".audit-service.DLT");
		}
		return count;
	}

	private long count(String name) {
		List<TopicPartition> partitions = partitions(name);
		Map<TopicPartition, Long> begin = topic.beginningOffsets(partitions, Duration.ofSeconds(10));
		return topic.endOffsets(partitions, Duration.ofSeconds(10))
			.entrySet()
			.stream()
			.mapToLong(end -> end.getValue() - begin.get(end.getKey()))
			.sum();
	}

	private List<TopicPartition> partitions(String name) {
		return topic.partitionsFor(name, Duration.ofSeconds(10))
			.stream()
			.map(info -> new TopicPartition(name, info.partition()))
			.toList();
	}

	private void readTopicToTheEnd() {
		// the catalog declares its topic in the background: it may not have existed when
		// this reader was made
		List<TopicPartition> partitions = partitions(BOOKS);
		if (!topic.assignment().containsAll(partitions)) {
			List<TopicPartition> added = partitions.stream()
				.filter(partition -> !topic.assignment().contains(partition))
				.toList();
			topic.assign(partitions);
			topic.seekToBeginning(added);
		}
		Map<TopicPartition, Long> end = topic.endOffsets(topic.assignment(), Duration.ofSeconds(10));
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (end.entrySet().stream().anyMatch(partition -> topic.position(partition.getKey()) < partition.getValue())
				&& System.nanoTime() < deadline) {
			for (ConsumerRecord<String, String> record : topic.poll(Duration.ofMillis(200))) {
				lastRecords.put(record.key(), record.value());
			}
		}
	}

	private KafkaConsumer<String, String> consumer() {
		// an operator looks: by assignment, in no group
		Map<String, Object> config = new LinkedHashMap<>(KafkaClients.operator(bootstrapServers));
		config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		return new KafkaConsumer<>(config);
	}

	@Override
	public void close() {
		topic.close();
	}

}
