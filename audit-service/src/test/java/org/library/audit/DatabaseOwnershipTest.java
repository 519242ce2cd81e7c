package org.library.audit;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.library.contracts.Topics;
import org.library.testsupport.LibraryServiceTest;
import org.library.testsupport.OwnershipContract;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Common ownership, enforced: only audit_app writes the trail, and even it can only
 * append.
 */
@LibraryServiceTest
class DatabaseOwnershipTest extends OwnershipContract {

	@Override
	protected String schema() {
		return "audit";
	}

	/**
	 * The checkpoints are published from the checkpoint table, which is their outbox
	 * ({@code CheckpointPublisher}); the audit service has no other.
	 */
	@Override
	protected Set<String> publishedWithoutTheOutbox() {
		return Set.of(Topics.AUDIT_CHECKPOINTS);
	}

	@Autowired
	AuditLog log;

	@Test
	void theAuditServiceItselfCannotAlterHistory() throws SQLException {
		UUID id = UUID.randomUUID();
		try (var connection = DriverManager.getConnection(url, appRole, appPassword);
				var statement = connection.createStatement()) {
			statement
				.execute("INSERT INTO audit_event (id, occurred_at, source, actor, action, entity_type, entity_id) "
						+ "VALUES ('" + id + "', now(), 's', 'a', 'Probe', 'Book', 'probe')");
			assertThatThrownBy(() -> statement.execute("UPDATE audit_event SET actor = 'someone else'"))
				.hasMessageContaining("permission denied");
			assertThatThrownBy(() -> statement.execute("DELETE FROM audit_event WHERE id = '" + id + "'"))
				.hasMessageContaining("permission denied");
			assertThatThrownBy(() -> statement.execute("TRUNCATE audit_event"))
				.hasMessageContaining("permission denied");
			var rows = statement.executeQuery("SELECT count(*) FROM audit_event WHERE id = '" + id + "'");
			rows.next();
			assertThat(rows.getInt(1)).isEqualTo(1);
		}
	}

	@Test
	void theWriterCannotChooseAnEventsPlaceOrTimeNorMoveTheHead() throws SQLException {
		try (var connection = DriverManager.getConnection(url, appRole, appPassword);
				var statement = connection.createStatement()) {
			String forged = "INSERT INTO audit_event (id, %s, occurred_at, source, actor, action, entity_type, "
					+ "entity_id) OVERRIDING SYSTEM VALUE VALUES (gen_random_uuid(), %s, now(), 's', 'a', 'Forged', "
					+ "'Book', 'forged')";
			// a row before the first one, a row back-dated, a row in a place of its
			// choosing: the forgery
			for (String column : List.of("seq", "recorded_at", "leaf_index")) {
				String value = column.equals("recorded_at") ? "'2025-01-01'" : "-1";
				assertThatThrownBy(() -> statement.execute(forged.formatted(column, value))).as(column)
					.hasMessageContaining("permission denied");
			}
			assertThatThrownBy(() -> statement.execute("UPDATE tree_head SET size = 0"))
				.hasMessageContaining("permission denied");
			assertThatThrownBy(() -> statement.execute("INSERT INTO tree_head (only_row, size) VALUES (false, 0)"))
				.hasMessageContaining("permission denied");

			// the places are counted in a setting anyone may change mid-statement: the
			// rows must still end up
			// in exactly the next places
			assertThatThrownBy(() -> statement
				.execute("INSERT INTO audit_event (id, occurred_at, source, actor, action, entity_type, entity_id) "
						+ "SELECT gen_random_uuid(), now(), 's', 'a', 'Forged', 'Book', "
						+ "set_config('library.audit_next_place', '1000000', true) FROM generate_series(1, 1)"))
				.hasMessageContaining("take the next places");

			var head = statement.executeQuery("SELECT size FROM tree_head");
			head.next();
			long next = head.getLong(1);
			UUID id = UUID.randomUUID();
			statement
				.execute("INSERT INTO audit_event (id, occurred_at, source, actor, action, entity_type, entity_id) "
						+ "VALUES ('" + id + "', now(), 's', 'a', 'Probe', 'Book', 'probe')");
			var placed = statement.executeQuery(
					"SELECT leaf_index, recorded_at > now() - interval '1 minute' FROM audit_event WHERE id = '" + id
							+ "'");
			placed.next();
			assertThat(placed.getLong(1)).as("the next place, from the head").isEqualTo(next);
			assertThat(placed.getBoolean(2)).as("recorded now, by the database").isTrue();
		}
	}

	@Test
	void theWriterMarksACheckpointPublishedAndErasesANameAndDoesNothingMore() throws SQLException {
		try (var connection = DriverManager.getConnection(url, appRole, appPassword);
				var statement = connection.createStatement()) {
			statement.execute("UPDATE checkpoint SET published_at = now() WHERE false");
			statement.execute("DELETE FROM personal_name WHERE false");
			for (String change : List.of("UPDATE checkpoint SET note = 'forged'", "UPDATE checkpoint SET root = root",
					"DELETE FROM checkpoint", "UPDATE personal_name SET name = 'someone else'",
					"UPDATE tree_node SET hash = hash", "DELETE FROM tree_node",
					"INSERT INTO event_kind VALUES ('s', 'a', 't')", "DELETE FROM event_kind",
					"UPDATE event_hour SET high_seq = 0", "INSERT INTO event_hour VALUES (now(), 0, 0)")) {
				assertThatThrownBy(() -> statement.execute(change)).as(change)
					.hasMessageContaining("permission denied");
			}
		}
	}

	@Test
	void noOtherServiceRoleCanReadOrWriteTheTrail() throws SQLException {
		for (String role : List.of("book_catalog_app", "book_inventory_app", "reading_list_app",
				"book_catalog_owner")) {
			try (var connection = DriverManager.getConnection(url, role, role);
					var statement = connection.createStatement()) {
				assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM audit.audit_event")).as(role)
					.hasMessageContaining("permission denied for schema audit");
				assertThatThrownBy(
						() -> statement.execute("INSERT INTO audit.audit_event (id) VALUES (gen_random_uuid())"))
					.as(role)
					.hasMessageContaining("permission denied for schema audit");
			}
		}
	}

	@Test
	void theWriterMakesTheTrailsNextMonthsAndNothingElseAndReachesThemOnlyThroughTheTrail() throws SQLException {
		YearMonth now = YearMonth.now(ZoneOffset.UTC);
		String month = "audit_event_" + DateTimeFormatter.ofPattern("yyyy_MM").format(now);
		try (var connection = DriverManager.getConnection(url, appRole, appPassword);
				var statement = connection.createStatement()) {
			var made = statement.executeQuery("SELECT audit_event_make_months(" + TrailMonths.AHEAD + ")");
			made.next();
			assertThat(made.getInt(1)).as("made at start already").isZero();
			assertThatThrownBy(() -> statement.execute("SELECT audit_event_make_months(37)"))
				.hasMessageContaining("months ahead must be 0 to 36");
			assertThatThrownBy(() -> statement.execute("SELECT audit_event_make_month('2020-01-01')"))
				.hasMessageContaining("permission denied");
			assertThatThrownBy(() -> statement.execute("CREATE TABLE audit_event_2099_01 PARTITION OF audit_event "
					+ "FOR VALUES FROM ('2099-01-01') TO ('2099-02-01')"))
				.hasMessageContaining("permission denied");
			// a month is reached through audit_event alone, whose triggers give the
			// places
			for (String partition : List.of(month, "audit_event_other_times")) {
				assertThatThrownBy(() -> statement.execute("INSERT INTO " + partition + " (id, occurred_at, source, "
						+ "actor, action, entity_type, entity_id, leaf_index) VALUES (gen_random_uuid(), now(), 's', "
						+ "'a', 'Forged', 'Book', 'forged', 0)"))
					.as(partition)
					.hasMessageContaining("permission denied");
				assertThatThrownBy(() -> statement.executeQuery("SELECT count(*) FROM " + partition)).as(partition)
					.hasMessageContaining("permission denied");
			}
		}
		var months = JdbcClient.create(new DriverManagerDataSource(url, "audit_owner", "audit_owner"))
			.sql("SELECT inhrelid::regclass::text FROM pg_inherits WHERE inhparent = 'audit_event'::regclass")
			.query(String.class)
			.list();
		for (int ahead = 0; ahead <= TrailMonths.AHEAD; ahead++) {
			assertThat(months)
				.contains("audit_event_" + DateTimeFormatter.ofPattern("yyyy_MM").format(now.plusMonths(ahead)));
		}
		assertThat(months).contains("audit_event_other_times").doesNotContain("audit_event_2099_01");
	}

	@Test
	void everyFilterIsServedByAnIndexAt100kEvents() {
		var owner = new DriverManagerDataSource(url, "audit_owner", "audit_owner");
		JdbcClient jdbc = JdbcClient.create(owner);
		new TransactionTemplate(new DataSourceTransactionManager(owner)).executeWithoutResult(status -> {
			jdbc.sql("""
					INSERT INTO audit_event (id, occurred_at, source, actor, action, entity_type, entity_id, trace_id)
					SELECT gen_random_uuid(), now() - n * interval '1 second', 'source-' || (n % 7),
					       'actor-' || (n % 1000), 'Action' || (n % 11), 'Type' || (n % 5), 'entity-' || (n % 20000),
					       lpad(to_hex(n % 30000), 32, '0')
					  FROM generate_series(1, 100000) AS n""").update();
			jdbc.sql("INSERT INTO personal_name (event_id, field, seq, occurred_at, name, salt) "
					+ "SELECT id, 'actor', seq, occurred_at, actor, uuid_send(gen_random_uuid()) FROM audit_event "
					+ "WHERE actor LIKE 'actor-%'")
				.update();
			jdbc.sql("ANALYZE audit_event").update();
			jdbc.sql("ANALYZE personal_name").update();
			jdbc.sql("ANALYZE event_kind").update();
			jdbc.sql("ANALYZE event_hour").update();
			// the months the events fill: an empty month may be scanned, having
			// nothing to read
			List<String> filled = jdbc
				.sql("SELECT DISTINCT tableoid::regclass::text FROM audit_event WHERE actor LIKE 'actor-%'")
				.query(String.class)
				.list();
			Instant now = Instant.now();
			List<AuditQuery> queries = List.of(
					new AuditQuery(null, null, null, "entity-42", null, null, null, null, 50, null),
					new AuditQuery(null, null, null, null, "actor-42", null, null, null, 50, null),
					new AuditQuery(null, null, null, null, null, "%032x".formatted(42), null, null, 50, null),
					new AuditQuery("source-3", null, null, null, null, null, null, null, 50, 5_000L),
					new AuditQuery(null, "Action3", null, null, null, null, null, null, 50, null),
					new AuditQuery(null, null, "Type2", null, null, null, null, null, 50, null),
					new AuditQuery(null, null, null, null, null, null, now.minusSeconds(600), now.minusSeconds(60), 50,
							null),
					new AuditQuery(null, null, null, null, null, null, null, null, 500, 90_000L),
					new AuditQuery(null, "Action3", null, null, null, null, now.minusSeconds(86_400), now, 50, null),
					new AuditQuery(null, null, null, null, "actor-42", null, now.minusSeconds(3_600), null, 50, null),
					new AuditQuery("source-3", "Action3", "Type2", null, null, null, null, null, 50, null));
			for (AuditQuery query : queries) {
				String plan = plan(jdbc, log.sql(query));
				assertThat(plan).as("plan for %s", query).contains("Index");
				assertThat(Pattern.compile("Seq Scan on (\\w+)").matcher(plan).results().map(match -> match.group(1)))
					.as("plan for %s", query)
					.doesNotContainAnyElementsOf(filled)
					.doesNotContain("personal_name");
			}
			// a window enters the seq index at the highest seq of the hours it overlaps
			assertThat(plan(jdbc, log.sql(new AuditQuery(null, null, null, null, null, null, now.minusSeconds(50_000),
					now.minusSeconds(40_000), 50, null))))
				.contains("Index Cond: ((seq <= (InitPlan");
			// two of an event's kind are looked up once in event_kind, before any
			// month is read
			assertThat(plan(jdbc,
					log.sql(new AuditQuery("source-3", "Action4", null, null, null, null, null, null, 50, null))))
				.contains("One-Time Filter");
			status.setRollbackOnly();
		});
	}

	private static String plan(JdbcClient jdbc, AuditLog.Sql sql) {
		return String.join("\n", jdbc.sql("EXPLAIN " + sql.text()).params(sql.params()).query(String.class).list());
	}

}
