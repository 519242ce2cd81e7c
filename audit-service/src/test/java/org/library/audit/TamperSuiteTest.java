package org.library.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.library.testsupport.LibraryServiceTest;
import org.library.testsupport.ServiceUnderTest;
import org.library.verifier.PersonalName;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tamper suite: on a real trail of thousands of events, each attack is made as the
 * database's superuser, on the running service, and the auditor's own command, reading
 * the live API with the state it kept, names it exactly. After each, the trail is put
 * back as it was and verifies again.
 *
 * <p>
 * The auditor accepted two checkpoints before any attack: the first when the trail held
 * {@code older} events, the second at {@code signed}. A copy of the schema's tables is
 * kept at each, so that an attack can "restore an older copy", and every attack can be
 * undone.
 */
@LibraryServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TamperSuiteTest {

	private static final List<String> TABLES = List.of("audit_event", "personal_name", "tree_node", "tree_head",
			"checkpoint");

	private final ServiceUnderTest service;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MerkleLog tree;

	@Autowired
	Checkpoints checkpoints;

	@Autowired
	PlatformTransactionManager transactions;

	@TempDir
	static Path directory;

	private long older;

	private long signed;

	TamperSuiteTest(ServiceUnderTest service) {
		this.service = service;
	}

	@BeforeAll
	void anAuditorHasAcceptedTwoCheckpointsOfAThousandsLongTrail() throws SQLException {
		LogAppends.append(service, jdbc, tree, 2_500);
		checkpoints.signLatest();
		assertThat(verify()).startsWith("0 intact: ");
		older = tree.size();
		superuser(copy("older"));
		LogAppends.append(service, jdbc, tree, 1_000);
		checkpoints.signLatest();
		assertThat(verify()).startsWith("0 intact: ").contains("grown from the " + older + " accepted before");
		signed = tree.size();
		superuser(copy("signed"));
	}

	@AfterEach
	void theTrailIsPutBackAndVerifies() throws SQLException {
		superuser(restore("signed"));
		assertThat(verify()).startsWith("0 intact: " + signed + " events");
	}

	@Test
	void anActorsNameEditedWhereNamesAreKept() throws SQLException {
		long place = signed - 1_200;
		superuser("UPDATE audit.personal_name SET name = 'someone else' WHERE field = 'actor' AND event_id = "
				+ "(SELECT id FROM audit.audit_event WHERE leaf_index = " + place + ")");
		assertThat(verify())
			.isEqualTo("1 edited " + place + " the name given for actor is not the one its leaf holds the hash of\n");
	}

	@Test
	void anActorEditedInTheRow() throws SQLException {
		long place = signed - 1_300;
		superuser("UPDATE audit.audit_event SET actor = '" + PersonalName.salted("actor", "someone else").hash()
				+ "' WHERE leaf_index = " + place);
		assertThat(verify()).isEqualTo("1 edited " + place + "\n");
	}

	@Test
	void detailsEdited() throws SQLException {
		long place = signed - 1_400;
		superuser("UPDATE audit.audit_event SET details = jsonb_set(details, '{count}', '99') WHERE leaf_index = "
				+ place);
		assertThat(verify()).isEqualTo("1 edited " + place + "\n");
	}

	@Test
	void aMiddleRowDeleted() throws SQLException {
		long place = signed - 1_500;
		String row = "(SELECT id FROM audit.audit_event WHERE leaf_index = " + place + ")";
		superuser("DELETE FROM audit.personal_name WHERE event_id = " + row,
				"DELETE FROM audit.audit_event WHERE leaf_index = " + place);
		assertThat(verify()).isEqualTo("1 deleted " + place + "\n");
	}

	@Test
	void aForgedRowInserted() throws SQLException {
		long place = signed - 1_600;
		// in the middle, every later row moved up one place: what a forger would have
		// to do for the places to stay dense
		superuser(shift(place, 1), "SET session_replication_role = replica",
				"INSERT INTO audit.audit_event (id, seq, occurred_at, source, actor, action, entity_type, entity_id, "
						+ "details, recorded_at, leaf_index) OVERRIDING SYSTEM VALUE SELECT gen_random_uuid(), "
						+ "(SELECT max(seq) + 1000 FROM audit.audit_event), occurred_at, source, actor, 'LoanReturned', "
						+ "entity_type, entity_id, details, recorded_at, " + place + " FROM audit.audit_event "
						+ "WHERE leaf_index = " + (place + 1));
		assertThat(verify()).isEqualTo("1 inserted " + place + "\n");
	}

	@Test
	void twoRowsSwapped() throws SQLException {
		long first = signed - 1_700;
		long second = signed - 1_650;
		superuser("UPDATE audit.audit_event SET leaf_index = -1 WHERE leaf_index = " + first,
				"UPDATE audit.audit_event SET leaf_index = " + first + " WHERE leaf_index = " + second,
				"UPDATE audit.audit_event SET leaf_index = " + second + " WHERE leaf_index = -1");
		assertThat(verify()).isEqualTo("1 reordered " + first + " holds the event of place " + second + "\nreordered "
				+ second + " holds the event of place " + first + "\n");
	}

	@Test
	void theTailCut() throws SQLException {
		long from = signed - 100;
		String tail = "(SELECT id FROM audit.audit_event WHERE leaf_index >= " + from + ")";
		superuser("DELETE FROM audit.personal_name WHERE event_id IN " + tail,
				"DELETE FROM audit.audit_event WHERE leaf_index >= " + from);
		assertThat(verify()).isEqualTo(
				"1 truncated " + from + " the trail ends after " + from + " events; " + signed + " were signed\n");
	}

	@Test
	void anOlderCopyOfTheTablesRestored() throws SQLException {
		superuser(restore("older"));
		assertThat(verify()).isEqualTo("1 rolled-back " + older + " the checkpoint is of " + older + " events; one of "
				+ signed + " was accepted before\n");
	}

	@Test
	void historyRewrittenTheTreeRecomputedAndReSignedWithAStolenKey() throws SQLException {
		long place = signed - 2_000;
		// the row, its tree and its checkpoints, all made to agree; signed with the
		// service's own key, as a thief of it would
		superuser(
				"UPDATE audit.audit_event SET details = jsonb_set(details, '{count}', '0') WHERE leaf_index = " + place,
				"DELETE FROM audit.tree_node", "DELETE FROM audit.checkpoint");
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			while (tree.size() < signed) {
				tree.grow();
			}
		});
		checkpoints.signLatest();
		String found = verify();
		assertThat(found).startsWith("1 forked " + signed + " the signed tree does not begin with the tree accepted "
				+ "before: history was rewritten and re-signed\n");
		assertThat(found.lines()).hasSize(1);
	}

	/** The auditor's command on the live API, with the state it keeps. */
	private String verify() {
		Path state = directory.resolve("state");
		String found = AuditorCommand.run("--key=" + checkpoints.verifierKey(),
				"--api=http://localhost:" + service.port(), "--state=" + state);
		assertThat(Files.exists(state)).isTrue();
		return found;
	}

	private static String[] copy(String name) {
		return TABLES.stream()
			.flatMap(table -> List
				.of("DROP TABLE IF EXISTS tamper_" + name + "_" + table,
						"CREATE TABLE tamper_" + name + "_" + table + " AS SELECT * FROM audit." + table)
				.stream())
			.toArray(String[]::new);
	}

	/**
	 * The copy put back, with triggers and foreign keys off, as a superuser can: the rows
	 * keep their places, times and sequence numbers.
	 */
	private static String[] restore(String name) {
		List<String> statements = new java.util.ArrayList<>(List.of("SET session_replication_role = replica",
				"TRUNCATE " + String.join(", ", TABLES.stream().map(table -> "audit." + table).toList())));
		for (String table : TABLES) {
			statements
				.add("INSERT INTO audit." + table + (table.equals("audit_event") ? " OVERRIDING SYSTEM VALUE" : "")
						+ " SELECT * FROM tamper_" + name + "_" + table);
		}
		statements.add("SET session_replication_role = DEFAULT");
		return statements.toArray(String[]::new);
	}

	/**
	 * Moves every row from {@code place} on by {@code by} places, through negative
	 * places, since the places are unique at every step.
	 */
	private static String shift(long place, int by) {
		return "UPDATE audit.audit_event SET leaf_index = -(leaf_index + " + by + ") - 1 WHERE leaf_index >= " + place
				+ "; UPDATE audit.audit_event SET leaf_index = -leaf_index - 1 WHERE leaf_index < 0";
	}

	/** Runs {@code statements} as the database's superuser, in one transaction. */
	private void superuser(String... statements) throws SQLException {
		try (Connection connection = DriverManager.getConnection(service.jdbcUrl(), "postgres", "postgres")) {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				for (String sql : statements) {
					statement.execute(sql);
				}
			}
			connection.commit();
		}
	}

}
