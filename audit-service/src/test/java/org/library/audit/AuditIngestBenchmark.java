package org.library.audit;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How fast the audit service takes in a burst, against the raw speed of Kafka and Postgres on this machine.
 * Prints numbers; asserts only that every event arrived. Run with
 * {@code ./mvnw -pl audit-service -am verify -Pbenchmark -Dbenchmark.events=100000}.
 */
@AuditIntegrationTest
class AuditIngestBenchmark {

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Value("${spring.datasource.url}")
	String url;

	@Test
	void ingestsABurstOfAuditEvents() {
		int events = Integer.getInteger("benchmark.events", 100_000);
		String source = "benchmark-" + UUID.randomUUID();
		JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(url, "audit_app", "audit_app"));

		double rawInsertRate = rawPostgresInsertRate(events);

		Instant start = Instant.now();
		try (AuditFeed feed = new AuditFeed(bootstrapServers)) {
			for (int i = 0; i < events; i++) {
				UUID id = UUID.randomUUID();
				String entity = "entity-" + (i % 1000);
				feed.sendAsync(id, AuditFeed.event(id, Instant.now(), source, "bench", "CopyCheckedOut", entity), entity);
			}
			feed.flush();
		}
		Duration produce = Duration.between(start, Instant.now());
		await().atMost(Duration.ofMinutes(10))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> count(jdbc, source) == events);
		Duration ingest = Duration.between(start, Instant.now());

		Map<String, Object> lag = jdbc.sql("""
				SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM recorded_at - occurred_at)) AS p50,
				       percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM recorded_at - occurred_at)) AS p99,
				       max(extract(epoch FROM recorded_at - occurred_at)) AS max
				  FROM audit_event WHERE source = ?""").param(source).query().singleRow();

		System.out.printf("""

				audit ingest benchmark, %,d events on %d cores
				  Kafka alone   (producer, acks=all)     %,10.0f events/s
				  Postgres alone (unnest insert, batch 1000) %,7.0f rows/s
				  audit service (publish -> stored)      %,10.0f events/s  (%.1f s)
				  end-to-end lag (occurredAt -> stored)  p50 %.2f s  p99 %.2f s  max %.2f s
				%n""", events, Runtime.getRuntime().availableProcessors(), events / seconds(produce), rawInsertRate,
				events / seconds(ingest), seconds(ingest), number(lag.get("p50")), number(lag.get("p99")),
				number(lag.get("max")));
		assertThat(count(jdbc, source)).isEqualTo(events);
	}

	/** Inserts the same number of rows straight into Postgres, in a transaction rolled back afterwards. */
	private double rawPostgresInsertRate(int rows) {
		var owner = new DriverManagerDataSource(url, "audit_owner", "audit_owner");
		JdbcClient jdbc = JdbcClient.create(owner);
		double[] rate = new double[1];
		new TransactionTemplate(new DataSourceTransactionManager(owner)).executeWithoutResult(status -> {
			Instant start = Instant.now();
			for (int done = 0; done < rows; done += 1000) {
				jdbc.sql("""
						INSERT INTO audit_event (id, occurred_at, source, actor, action, entity_type, entity_id, details)
						SELECT gen_random_uuid(), ?, 'raw', 'bench', 'CopyCheckedOut', 'Book', 'entity-' || n, '{"count":1}'
						  FROM generate_series(1, 1000) AS n""").param(Timestamp.from(Instant.now())).update();
			}
			rate[0] = rows / seconds(Duration.between(start, Instant.now()));
			status.setRollbackOnly();
		});
		return rate[0];
	}

	private static long count(JdbcClient jdbc, String source) {
		return jdbc.sql("SELECT count(*) FROM audit_event WHERE source = ?").param(source).query(Long.class).single();
	}

	private static double seconds(Duration duration) {
		return duration.toNanos() / 1e9;
	}

	private static double number(Object value) {
		return value == null ? Double.NaN : ((Number) value).doubleValue();
	}

}
