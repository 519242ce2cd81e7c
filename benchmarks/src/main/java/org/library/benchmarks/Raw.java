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
	 * The size of an audit event as the services send it, with its CloudEvents headers.
	 */
	static final String AUDIT_PAYLOAD = """
			{"id":"%s","occurredAt":"%s","source":"book-inventory-service","actor":"librarian",\
			"action":"LoanOpened","entityType":"Book","entityId":"%s","details":{"loanId":"7d444840-9dc0-4f1b-a1b4-8a2f1d1ef7b4",\
			"reader":"bench-1","lentBy":"librarian","dueAt":"2026-12-24T10:00:00Z","totalCopies":10000,"availableCopies":9999},"traceId":"4bf92f3577b34da6a3ce929d0e0e4736"}""";

	static final String OUTBOX_HEADERS = """
			{"ce_specversion":"1.0","ce_id":"%s","ce_source":"book-inventory-service",\
			"ce_type":"org.library.audit.AuditEvent","ce_time":"%s","ce_actor":"librarian",\
			"content-type":"application/json","traceparent":"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"}""";

	/**
	 * Keys for raw Kafka records when the library's books were not made (--only=audit).
	 */
	private static final List<String> KEYS = IntStream.range(0, Library.STOCKED_BOOKS)
		.mapToObj(i -> UUID.randomUUID().toString())
		.toList();

	private static final String BOOK_COLUMNS = "id, isbn, title, authors, publisher, published_year, language, "
			+ "description, version, created_at, updated_at";

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
	 * The inventory's lend, statement for statement: the reader's lock, her standing, her
	 * ready hold if any, the conditional UPDATE, the loan and the audit event in the
	 * outbox, in one transaction. Every lend is to a reader of its own, as the suite's
	 * are.
	 */
	private double lend(boolean hot) throws Exception {
		String readers = "raw" + run + (hot ? "h-" : "-");
		return transactions("superuser", (connection, i) -> {
			connection.setAutoCommit(false);
			UUID book = hot ? library.hotBook : library.stocked.get((int) (i % library.stocked.size()));
			String reader = readers + i;
			Timestamp now = Timestamp.from(Instant.now());
			try (PreparedStatement lock = connection
				.prepareStatement("SELECT 1 FROM pg_advisory_xact_lock(1282367854, hashtext(?))")) {
				lock.setString(1, reader);
				lock.executeQuery().close();
			}
			try (PreparedStatement standing = connection.prepareStatement("SELECT count(*), "
					+ "coalesce(bool_or(due_at < ?), false), coalesce(bool_or(book_id = ?), false) FROM " + SCHEMA
					+ ".loan WHERE reader = ? AND returned_at IS NULL")) {
				standing.setTimestamp(1, now);
				standing.setObject(2, book);
				standing.setString(3, reader);
				standing.executeQuery().close();
			}
			try (PreparedStatement fulfil = connection.prepareStatement("UPDATE " + SCHEMA
					+ ".hold SET status = 'FULFILLED', closed_at = ? WHERE book_id = ? AND reader = ? AND status = 'READY'")) {
				fulfil.setTimestamp(1, now);
				fulfil.setObject(2, book);
				fulfil.setString(3, reader);
				fulfil.executeUpdate();
			}
			try (PreparedStatement update = connection.prepareStatement("UPDATE " + SCHEMA + ".book_inventory "
					+ "SET available_copies = available_copies - 1, updated_at = now() "
					+ "WHERE book_id = ? AND status = 'ACTIVE' AND available_copies > 0 "
					+ "RETURNING book_id, total_copies, available_copies, held_copies, status")) {
				update.setObject(1, book);
				update.executeQuery().close();
			}
			try (PreparedStatement loan = connection.prepareStatement("INSERT INTO " + SCHEMA
					+ ".loan (id, book_id, reader, lent_by, lent_at, due_at) VALUES (?, ?, ?, 'librarian', ?, ?) "
					+ "RETURNING id")) {
				loan.setObject(1, UUID.randomUUID());
				loan.setObject(2, book);
				loan.setString(3, reader);
				loan.setTimestamp(4, now);
				loan.setTimestamp(5, Timestamp.from(now.toInstant().plus(Duration.ofDays(21))));
				loan.executeQuery().close();
			}
			outbox(connection, "inventory_outbox", book);
			connection.commit();
		});
	}

	private static void outbox(Connection connection, String table, UUID key) throws SQLException {
		// each copy keeps its outbox's CHECK: only the service's own audit topic
		String topic = table.startsWith("inventory") ? "library.audit.book-inventory-service"
				: "library.audit.reading-list-service";
		UUID id = UUID.randomUUID();
		String now = Instant.now().toString();
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + SCHEMA + "." + table
				+ " (topic, record_key, payload, headers) VALUES (?, ?, ?, ?::jsonb)")) {
			insert.setString(1, topic);
			insert.setString(2, key.toString());
			insert.setString(3, AUDIT_PAYLOAD.formatted(id, now, key));
			insert.setString(4, OUTBOX_HEADERS.formatted(id, now));
			insert.executeUpdate();
		}
	}

	/** The catalog's read of one book, as its own role. */
	private double bookById() throws Exception {
		return transactions("book_catalog_app", (connection, i) -> {
			try (PreparedStatement select = connection
				.prepareStatement("SELECT " + BOOK_COLUMNS + " FROM book WHERE id = ?")) {
				select.setObject(1, library.shelf.get((int) (i % library.shelf.size())));
				try (ResultSet row = select.executeQuery()) {
					row.next();
				}
			}
		});
	}

	/**
	 * The catalog's search for one word of the titles: its plan setting and the ranked
	 * first page with its count, in one read-only transaction, as {@code BookSearch}
	 * asks.
	 */
	private double search() throws Exception {
		String words = "book_search_query(?, '')";
		return transactions("book_catalog_app", (connection, i) -> {
			connection.setAutoCommit(false);
			connection.setReadOnly(true);
			try (Statement plan = connection.createStatement()) {
				plan.execute("SET LOCAL plan_cache_mode = force_custom_plan");
			}
			try (PreparedStatement page = connection
				.prepareStatement("SELECT " + BOOK_COLUMNS + ", count(*) OVER () AS found FROM (SELECT " + BOOK_COLUMNS
						+ ", ts_rank(search, " + words + ") AS rank FROM book WHERE search @@ " + words
						+ " LIMIT ?) AS candidates ORDER BY rank DESC, lower(title), id LIMIT ? OFFSET ?")) {
				String word = Library.WORDS[(int) (i % Library.WORDS.length)];
				page.setString(1, word);
				page.setString(2, word);
				page.setInt(3, 201);
				page.setInt(4, 20);
				page.setLong(5, 0);
				try (ResultSet rows = page.executeQuery()) {
					while (rows.next()) {
						rows.getString("title");
					}
				}
			}
			connection.commit();
		});
	}

	/**
	 * The reading list's add: the reader's lock, the checks, the row and the audit event,
	 * in one transaction.
	 */
	private double readingListAdd() throws Exception {
		String item = "SELECT i.book_id, b.isbn, b.title, b.authors, i.status, i.added_at, i.updated_at, b.removed FROM "
				+ SCHEMA + ".reading_list_item i JOIN " + SCHEMA + ".catalog_book b ON b.book_id = i.book_id "
				+ "WHERE i.reader_id = ? AND i.book_id = ?";
		int readers = 64;
		String prefix = "raw" + run + "-";
		return transactions("superuser", (connection, i) -> {
			connection.setAutoCommit(false);
			String reader = prefix + (i % readers);
			UUID book = library.shelf.get((int) ((i / readers) % library.shelf.size()));
			try (PreparedStatement lock = connection
				.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
				lock.setString(1, "reading-list:" + reader);
				lock.executeQuery().close();
			}
			query(connection, item, reader, book);
			query(connection, "SELECT book_id, removed FROM " + SCHEMA + ".catalog_book WHERE book_id = ?", book);
			query(connection, "SELECT count(*) FROM " + SCHEMA + ".reading_list_item WHERE reader_id = ?", reader);
			try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + SCHEMA
					+ ".reading_list_item (reader_id, book_id, status, added_at, updated_at) VALUES (?, ?, ?, ?, ?)")) {
				Timestamp now = Timestamp.from(Instant.now());
				insert.setString(1, reader);
				insert.setObject(2, book);
				insert.setString(3, "WANT_TO_READ");
				insert.setTimestamp(4, now);
				insert.setTimestamp(5, now);
				insert.executeUpdate();
			}
			outbox(connection, "reading_list_outbox", book);
			query(connection, item, reader, book);
			connection.commit();
		});
	}

	private static void query(Connection connection, String sql, Object... params) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int p = 0; p < params.length; p++) {
				statement.setObject(p + 1, params[p]);
			}
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					rows.getObject(1);
				}
			}
		}
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
					+ "trace_id) ON CONFLICT (id) DO NOTHING")) {
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
						AUDIT_PAYLOAD.formatted(id, now, key));
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
