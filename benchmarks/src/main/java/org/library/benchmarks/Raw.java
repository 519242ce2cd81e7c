package org.library.benchmarks;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The raw limit of the machine's Postgres and Kafka for each work: the statements the
 * services run, through plain JDBC on as many connections as the load generator uses, and
 * plain Kafka clients. Writes go to copies of the services' tables in a schema of the
 * benchmark's own, so no relay sends a raw run's outbox rows and no service sees them.
 */
final class Raw {

	static final String SCHEMA = "benchmark_raw";

	/**
	 * Keys for raw Kafka records when the library's books were not made (--only=audit).
	 */
	private static final List<String> KEYS = IntStream.range(0, Library.STOCKED_BOOKS)
		.mapToObj(i -> UUID.randomUUID().toString())
		.toList();

	private final RunningStack stack;

	private final Library library;

	private final int connections;

	private final Duration duration;

	private int run;

	Raw(RunningStack stack, Library library, int connections, Duration duration) {
		this.stack = stack;
		this.library = library;
		this.connections = connections;
		this.duration = duration;
	}

	/**
	 * Copies of the tables the writes touch, with the same columns, defaults, indexes and
	 * rows.
	 */
	void prepare() throws SQLException {
		try (Connection connection = stack.connectAsSuperuser(); Statement sql = connection.createStatement()) {
			sql.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
			sql.execute("CREATE SCHEMA " + SCHEMA);
			copy(sql, "book_inventory.book_inventory", "book_inventory", true);
			restock(sql);
			copy(sql, "book_inventory.outbox_event", "inventory_outbox", false);
			copy(sql, "book_inventory.loan", "loan", false);
			copy(sql, "book_inventory.hold", "hold", false);
			copy(sql, "reading_list.catalog_book", "catalog_book", true);
			copy(sql, "reading_list.reading_list_item", "reading_list_item", false);
			copy(sql, "reading_list.outbox_event", "reading_list_outbox", false);
			copy(sql, "audit.audit_event", "audit_event", false);
			// the append as it was before the Merkle log: its places are the log's, not
			// the raw statement's
			sql.execute("ALTER TABLE " + SCHEMA + ".audit_event ALTER COLUMN leaf_index DROP NOT NULL");
		}
	}

	/**
	 * Every copied book as stocked as the inventory allows: the plain app lends the hot
	 * book faster than the suite stocked it.
	 */
	void restock() throws SQLException {
		try (Connection connection = stack.connectAsSuperuser(); Statement sql = connection.createStatement()) {
			restock(sql);
		}
	}

	private static void restock(Statement sql) throws SQLException {
		sql.execute("UPDATE " + SCHEMA + ".book_inventory SET total_copies = 100000, "
				+ "available_copies = 100000 - held_copies");
	}

	private static void copy(Statement sql, String table, String name, boolean withRows) throws SQLException {
		sql.execute("CREATE TABLE " + SCHEMA + "." + name + " (LIKE " + table + " INCLUDING ALL)");
		if (withRows) {
			sql.execute("INSERT INTO " + SCHEMA + "." + name + " SELECT * FROM " + table);
		}
	}

	Limits measure() throws Exception {
		run++;
		return new Limits(lend(false), lend(true), bookById(), search(), readingListAdd(), auditInsert(), kafka());
	}

	/**
	 * Transactions per second, and rows per second for the audit insert (1,000 per
	 * transaction), of each work.
	 * @param kafka records per second from the first send until the last is read back
	 */
	/** The audit append's limit alone: the slower of raw Postgres and raw Kafka. */
	double auditLimit() throws Exception {
		run++;
		return Math.min(auditInsert(), kafka());
	}

	record Limits(double lend, double hotLend, double bookById, double search, double readingListAdd, double auditRows,
			double kafka) {

		Limits average(Limits other) {
			return new Limits((lend + other.lend) / 2, (hotLend + other.hotLend) / 2, (bookById + other.bookById) / 2,
					(search + other.search) / 2, (readingListAdd + other.readingListAdd) / 2,
					(auditRows + other.auditRows) / 2, (kafka + other.kafka) / 2);
		}

		double audit() {
			return Math.min(auditRows, kafka);
		}

	}

	/**
	 * The inventory's lend ({@link Statements#lend}) in one transaction. Every lend is to
	 * a reader of its own, as the suite's are.
	 */
	private double lend(boolean hot) throws Exception {
		String readers = "raw" + run + (hot ? "h-" : "-");
		return transactions("superuser", (connection, i) -> {
			connection.setAutoCommit(false);
			UUID book = hot ? library.hotBook : library.stocked.get((int) (i % library.stocked.size()));
			Statements.lend(connection, book, readers + i);
			connection.commit();
		});
	}

	/** The catalog's read of one book, as its own role. */
	private double bookById() throws Exception {
		return transactions("book_catalog_app",
				(connection, i) -> Statements.book(connection, library.shelf.get((int) (i % library.shelf.size()))));
	}

	/**
	 * The catalog's search for one word of the titles, in one read-only transaction, as
	 * {@code BookSearch} asks.
	 */
	private double search() throws Exception {
		return transactions("book_catalog_app", (connection, i) -> {
			connection.setAutoCommit(false);
			connection.setReadOnly(true);
			Statements.search(connection, Library.WORDS[(int) (i % Library.WORDS.length)]);
			connection.commit();
		});
	}

	/** The reading list's add ({@link Statements#readingListAdd}) in one transaction. */
	private double readingListAdd() throws Exception {
		int readers = 64;
		String prefix = "raw" + run + "-";
		return transactions("superuser", (connection, i) -> {
			connection.setAutoCommit(false);
			Statements.readingListAdd(connection, prefix + (i % readers),
					library.shelf.get((int) ((i / readers) % library.shelf.size())));
			connection.commit();
		});
	}

	/**
	 * The audit service's append: its lock and one unnest INSERT of 1,000 events, on one
	 * connection (appends take turns under that lock however many there are). Rows per
	 * second.
	 */
	private double auditInsert() throws Exception {
		int batch = 1000;
		double transactions = transactions("superuser", 1, (connection, i) -> {
			connection.setAutoCommit(false);
			try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
				lock.setLong(1, 4242);
				lock.executeQuery().close();
			}
			UUID[] ids = new UUID[batch];
			Timestamp[] occurred = new Timestamp[batch];
			String[] texts = new String[batch];
			String[] details = new String[batch];
			Timestamp now = Timestamp.from(Instant.now());
			for (int e = 0; e < batch; e++) {
				ids[e] = UUID.randomUUID();
				occurred[e] = now;
				texts[e] = "entity-" + e;
				details[e] = "{\"count\":1,\"totalCopies\":10000,\"availableCopies\":9999,\"onLoan\":1}";
			}
			try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + SCHEMA + ".audit_event "
					+ "(id, occurred_at, source, actor, action, entity_type, entity_id, details, trace_id) "
					+ "SELECT id, occurred_at, source, actor, action, entity_type, entity_id, details::jsonb, trace_id "
					+ "FROM unnest(?::uuid[], ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], "
					+ "?::text[], ?::text[]) AS e(id, occurred_at, source, actor, action, entity_type, entity_id, details, "
					+ "trace_id) ON CONFLICT (id, occurred_at) DO NOTHING")) {
				insert.setArray(1, connection.createArrayOf("uuid", ids));
				insert.setArray(2, connection.createArrayOf("timestamptz", occurred));
				insert.setArray(3, texts(connection, batch, "book-inventory-service"));
				insert.setArray(4, texts(connection, batch, "librarian"));
				insert.setArray(5, texts(connection, batch, "LoanOpened"));
				insert.setArray(6, texts(connection, batch, "Book"));
				insert.setArray(7, connection.createArrayOf("text", texts));
				insert.setArray(8, connection.createArrayOf("text", details));
				insert.setArray(9, texts(connection, batch, "4bf92f3577b34da6a3ce929d0e0e4736"));
				insert.executeUpdate();
			}
			connection.commit();
		});
		return transactions * batch;
	}

	private static Array texts(Connection connection, int size, String value) throws SQLException {
		String[] values = new String[size];
		Arrays.fill(values, value);
		return connection.createArrayOf("text", values);
	}

	/**
	 * Kafka alone: audit-sized records with the CloudEvents headers, produced as fast as
	 * one producer sends them (acks=all) and read back by one consumer; records per
	 * second from the first send until the last is read.
	 */
	private static Map<String, Object> producerSettings(Map<String, Object> client) {
		Map<String, Object> settings = new LinkedHashMap<>(client);
		settings.put(ProducerConfig.ACKS_CONFIG, "all");
		settings.put(ProducerConfig.LINGER_MS_CONFIG, 5);
		settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		return settings;
	}

	private double kafka() throws Exception {
		int records = 100_000;
		String topic = "benchmark.raw." + run + "." + UUID.randomUUID();
		// the ownership table's benchmark principal: topics and groups under benchmark.,
		// nothing of the suite's
		Map<String, Object> client = stack.kafkaClient("library-benchmark");
		try (Admin admin = Admin.create(client)) {
			admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
		}
		Properties consumerSettings = new Properties();
		consumerSettings.putAll(client);
		consumerSettings.put(ConsumerConfig.GROUP_ID_CONFIG, topic);
		consumerSettings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		consumerSettings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
		AtomicLong read = new AtomicLong();
		try (ExecutorService reader = Executors.newSingleThreadExecutor();
				KafkaProducer<String, String> producer = new KafkaProducer<>(producerSettings(client))) {
			long start = System.nanoTime();
			Future<?> reading = reader.submit(() -> {
				try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerSettings,
						new StringDeserializer(), new StringDeserializer())) {
					consumer.subscribe(List.of(topic));
					while (read.get() < records) {
						ConsumerRecords<String, String> polled = consumer.poll(Duration.ofMillis(100));
						read.addAndGet(polled.count());
					}
				}
			});
			for (int i = 0; i < records; i++) {
				UUID id = UUID.randomUUID();
				String now = Instant.now().toString();
				String key = library.stocked.isEmpty() ? KEYS.get(i % KEYS.size())
						: library.stocked.get(i % library.stocked.size()).toString();
				ProducerRecord<String, String> record = new ProducerRecord<>(topic, key,
						Statements.AUDIT_PAYLOAD.formatted(id, now, key));
				for (String header : List.of("ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time", "ce_actor",
						"traceparent")) {
					record.headers().add(new RecordHeader(header, id.toString().getBytes(StandardCharsets.UTF_8)));
				}
				producer.send(record);
			}
			producer.flush();
			reading.get(5, TimeUnit.MINUTES);
			return records / ((System.nanoTime() - start) / 1e9);
		}
	}

	private interface Transaction {

		void run(Connection connection, long sequence) throws SQLException;

	}

	private double transactions(String role, Transaction transaction) throws Exception {
		return transactions(role, connections, transaction);
	}

	/**
	 * Transactions per second: {@code connections} connections, each running one after
	 * another for the duration.
	 */
	private double transactions(String role, int connections, Transaction transaction) throws Exception {
		AtomicLong sequence = new AtomicLong();
		AtomicLong done = new AtomicLong();
		List<Connection> opened = new ArrayList<>();
		for (int c = 0; c < connections; c++) {
			opened.add(role.equals("superuser") ? stack.connectAsSuperuser() : stack.connect(role));
		}
		try (ExecutorService workers = Executors.newFixedThreadPool(connections)) {
			long end = System.nanoTime() + duration.toNanos();
			List<Future<?>> running = new ArrayList<>();
			for (Connection connection : opened) {
				running.add(workers.submit(() -> {
					while (System.nanoTime() < end) {
						transaction.run(connection, sequence.getAndIncrement());
						done.incrementAndGet();
					}
					return null;
				}));
			}
			for (Future<?> worker : running) {
				worker.get();
			}
		}
		finally {
			for (Connection connection : opened) {
				connection.close();
			}
		}
		return done.get() / (duration.toNanos() / 1e9);
	}

}
