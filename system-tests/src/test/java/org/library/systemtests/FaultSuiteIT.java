package org.library.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.library.infrastructure.LibraryInfrastructure;
import org.library.localstack.LocalStack;
import org.library.localstack.ServiceProcess;
import org.library.localstack.ServiceSpec;
import org.library.systemtests.LibraryState.Verdict;
import org.library.testsupport.TestIssuer;
import org.library.testsupport.TopicRecords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.library.systemtests.Stack.deleteRecursively;
import static org.library.systemtests.WorkingCopy.ROOT;
import static org.library.testsupport.FreePorts.freePort;

/**
 * The suite keeps its promises under faults, on real processes: two instances of every
 * service (as built, each its own JVM), a real Postgres and a real Kafka broker, and a
 * steady stream of writes to the catalog, the inventory and the reading list throughout.
 * One fault at a time:
 * <ol>
 * <li>(a) the services' database connections are cut every half second for 10 s (a
 * failover, a restarted pooler, a DBA's {@code pg_terminate_backend});</li>
 * <li>(b) Postgres is stopped for 15 s and started again on the same data;</li>
 * <li>(c) the Kafka broker is stopped for 15 s and started again on the same data;</li>
 * <li>(d) each service in turn is killed ({@code kill -9}) and started again;</li>
 * <li>(e) a poison audit event, one Postgres cannot store (a NUL in its details), is put
 * in the catalog's own outbox, as its app role can: it is relayed like any other and must
 * be dead-lettered while the trail goes on.</li>
 * </ol>
 * After each, once the suite has caught up: every write answered 2xx has exactly one
 * audit event, and nothing else is in the trail; the inventory's and the reading list's
 * copies agree with the catalog, removed books withdrawn or flagged (each withdrawal
 * recorded once); each book's last record on {@code library.catalog.books} is its current
 * version or its tombstone; the dead-letter topics hold the poison event and nothing
 * else. Every client of the broker signs in as its own principal of the ownership table.
 * It prints a table of each fault.
 */
class FaultSuiteIT {

	private static final Duration CATCH_UP = Duration.ofMinutes(3);

	private final Path jar = ROOT.resolve(LocalStack.JAR);

	private final Path data = Path.of(System.getProperty("faultSuiteData", "target/fault-data")).toAbsolutePath();

	private final Map<String, ServiceProcess> instances = new LinkedHashMap<>();

	private final Map<String, Integer> ports = new LinkedHashMap<>();

	private final Map<String, String> environment = new LinkedHashMap<>();

	private LibraryInfrastructure infrastructure;

	private record Row(String fault, long writes, long auditRows, long lost, long doubled, long secondsToCatchUp,
			List<String> disagreements, List<String> extras) {
	}

	@AfterEach
	void stopEverything() {
		instances.values().parallelStream().forEach(ServiceProcess::stop);
		if (infrastructure != null) {
			infrastructure.close();
		}
	}

	@Test
	void noWriteIsLostDoubledOrLeftBehindWhenTheDatabaseTheBrokerOrAServiceFails() throws Exception {
		deleteRecursively(data);
		infrastructure = LibraryInfrastructure
			.start(new LibraryInfrastructure.Settings(0, 0, data, false, System::getenv));
		environment.put("LIBRARY_DB_URL", infrastructure.jdbcUrl());
		environment.put("KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers());
		// the real issuer, its own process: every write carries a librarian's or a
		// reader's token
		environment.put("LIBRARY_ISSUER_URI", TestIssuer.shared().uri());
		// eight service JVMs share two cores: small heaps, and no time spent on the
		// optimizing compiler
		environment.put("JAVA_TOOL_OPTIONS", "-Xmx320m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
		for (ServiceSpec spec : ServiceSpec.SERVICES) {
			for (int instance = 1; instance <= 2; instance++) {
				String name = spec.name() + "-" + instance;
				ports.put(name, freePort());
				instances.put(name, start(spec, name));
			}
		}
		awaitReady(instances.values());

		List<Row> table = new ArrayList<>();
		try (WriteLoad load = new WriteLoad(urls("book-catalog-service"), urls("book-inventory-service"),
				urls("reading-list-service"), TestIssuer.shared()::token);
				LibraryState library = new LibraryState(infrastructure.jdbcUrl(),
						infrastructure.kafkaBootstrapServers())) {
			for (int book = 0; book < 12; book++) {
				load.addToShelf("On the shelf " + book);
			}
			Verdict ready = awaitCaughtUp(library, load);
			assertThat(ready.disagreements()).as("the shelf reached every service").isEmpty();

			table.add(underFault(load, library, ready.auditRows(), "(a) database connections cut for 10 s",
					this::cutDatabaseConnections));
			table.add(underFault(load, library, auditRows(table), "(b) Postgres stopped for 15 s", () -> {
				infrastructure.stopPostgres();
				Thread.sleep(15_000);
				infrastructure.startPostgres();
			}));
			table.add(underFault(load, library, auditRows(table), "(c) Kafka stopped for 15 s", () -> {
				infrastructure.stopKafka();
				Thread.sleep(15_000);
				infrastructure.startKafka();
			}));
			table.add(underFault(load, library, auditRows(table), "(d) each service killed (kill -9), restarted",
					this::killEachServiceInTurn));
			String poison = "poison-" + UUID.randomUUID();
			table.add(underFault(load, library, auditRows(table), "(e) a poison audit event in the catalog's outbox",
					() -> poisonTheCatalogsOutbox(poison)));

			print(table);
			for (Row row : table) {
				assertThat(row.disagreements()).as(row.fault()).isEmpty();
				assertThat(row.lost()).as("%s: writes lost", row.fault()).isZero();
				assertThat(row.extras()).as("%s: events doubled or invented", row.fault()).isEmpty();
			}
			assertThat(library.deadLetters()).as("records on the dead-letter topics: the poison event alone").isOne();
			ConsumerRecord<String, String> dead = TopicRecords
				.awaitRecords(infrastructure.kafkaBootstrapServers(),
						"library.audit.book-catalog-service.audit-service.DLT", poison, 1)
				.getFirst();
			assertThat(TopicRecords.header(dead, "kafka_dlt-exception-message")).contains("NUL");
		}
	}

	/**
	 * The writes go on before, during and after the fault; then the suite is given time
	 * to catch up.
	 */
	private Row underFault(WriteLoad load, LibraryState library, long auditRowsBefore, String fault, Fault action)
			throws Exception {
		long writesBefore = load.writes();
		load.start();
		Thread.sleep(3_000);
		action.inject();
		long lifted = System.nanoTime();
		Thread.sleep(3_000);
		load.stop();
		Verdict verdict = awaitCaughtUp(library, load);
		long seconds = Duration.ofNanos(System.nanoTime() - lifted).toSeconds();
		Row row = new Row(fault, load.writes() - writesBefore, verdict.auditRows() - auditRowsBefore, verdict.lost(),
				verdict.doubled(), verdict.caughtUp() ? seconds : -1, verdict.disagreements(), verdict.extras());
		System.out.printf("%s: %d writes, caught up: %s%n", fault, row.writes(), verdict.caughtUp());
		return row;
	}

	private Verdict awaitCaughtUp(LibraryState library, WriteLoad load) throws InterruptedException {
		long deadline = System.nanoTime() + CATCH_UP.toNanos();
		Verdict verdict = null;
		while (System.nanoTime() < deadline) {
			try {
				verdict = library.check(load.confirmed(), load.unknown(), load.unansweredAdditions());
				if (verdict.caughtUp()) {
					return verdict;
				}
			}
			catch (SQLException | RuntimeException ex) {
				// Postgres or Kafka still coming back
			}
			Thread.sleep(1_000);
		}
		return verdict == null ? new Verdict(0, -1, -1, List.of("the library could not be read"), List.of()) : verdict;
	}

	@FunctionalInterface
	private interface Fault {

		void inject() throws Exception;

	}

	private void cutDatabaseConnections() throws Exception {
		long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		try (Connection dba = DriverManager.getConnection(infrastructure.jdbcUrl(), "postgres", "postgres");
				Statement statement = dba.createStatement()) {
			while (System.nanoTime() < until) {
				statement
					.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename LIKE '%\\_app'");
				Thread.sleep(500);
			}
		}
	}

	/**
	 * What any code running as book_catalog_app could do: an audit event Postgres cannot
	 * store, with a NUL.
	 */
	private void poisonTheCatalogsOutbox(String entityId) throws SQLException {
		UUID id = UUID.randomUUID();
		String event = """
				{"id":"%s","occurredAt":"%s","source":"book-catalog-service","actor":"librarian","action":"BookAdded",\
				"entityType":"Book","entityId":"%s","details":{"note":"a\\u0000b"}}""".formatted(id, Instant.now(),
				entityId);
		String headers = """
				{"ce_specversion":"1.0","ce_id":"%s","ce_source":"book-catalog-service","ce_type":"org.library.audit.AuditEvent",\
				"ce_time":"%s","ce_actor":"librarian","content-type":"application/json"}"""
			.formatted(id, Instant.now());
		try (Connection catalog = DriverManager.getConnection(infrastructure.jdbcUrl(), "book_catalog_app",
				"book_catalog_app");
				var insert = catalog
					.prepareStatement("INSERT INTO book_catalog.outbox_event (topic, record_key, payload, "
							+ "headers) VALUES ('library.audit.book-catalog-service', ?, ?, ?::jsonb)")) {
			insert.setString(1, entityId);
			insert.setString(2, event);
			insert.setString(3, headers);
			insert.executeUpdate();
		}
	}

	private void killEachServiceInTurn() throws Exception {
		List<ServiceProcess> restarted = new ArrayList<>();
		for (ServiceSpec spec : ServiceSpec.SERVICES) {
			String name = spec.name() + "-1";
			instances.get(name).kill();
			ServiceProcess again = start(spec, name);
			instances.put(name, again);
			restarted.add(again);
			Thread.sleep(3_000);
		}
		awaitReady(restarted);
	}

	private ServiceProcess start(ServiceSpec spec, String name) throws IOException {
		return ServiceProcess.start(spec, name, spec.jar(ROOT), ports.get(name), environment, data);
	}

	private static void awaitReady(Collection<ServiceProcess> processes) {
		processes.parallelStream().forEach(process -> {
			try {
				if (!process.awaitReady(Duration.ofMinutes(4))) {
					throw new AssertionError(
							process.spec().name() + " did not start:\n" + String.join("\n", process.lastLogLines(40)));
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		});
	}

	private List<String> urls(String service) {
		return instances.entrySet()
			.stream()
			.filter(instance -> instance.getKey().startsWith(service))
			.map(instance -> "http://localhost:" + ports.get(instance.getKey()))
			.toList();
	}

	private static long auditRows(List<Row> table) {
		return table.stream().mapToLong(Row::auditRows).sum();
	}

	private static void print(List<Row> table) {
		StringBuilder out = new StringBuilder("%n%-48s %8s %11s %6s %8s %14s%n".formatted("fault", "writes",
				"audit rows", "lost", "doubled", "caught up in"));
		// caught up: seconds from the moment the fault was lifted until every check holds
		for (Row row : table) {
			out.append("%-48s %8d %11d %6d %8d %14s%n".formatted(row.fault(), row.writes(), row.auditRows(), row.lost(),
					row.doubled(), row.secondsToCatchUp() < 0 ? "not in " + CATCH_UP.toMinutes() + " min"
							: row.secondsToCatchUp() + " s"));
		}
		System.out.println(out);
	}

}
