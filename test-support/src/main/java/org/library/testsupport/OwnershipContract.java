package org.library.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.library.infrastructure.KafkaOwnership;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database ownership tests every service runs, against its own configuration: a
 * service's test extends this in its Spring test context and names its schema.
 */
public abstract class OwnershipContract {

	@Value("${spring.datasource.url}")
	protected String url;

	@Value("${spring.datasource.username}")
	protected String appRole;

	@Value("${spring.datasource.password}")
	protected String appPassword;

	@Value("${spring.application.name}")
	protected String application;

	/** The schema the service owns. */
	protected abstract String schema();

	@Test
	void appRoleIsDeniedEveryOtherSchemaAndAllDdl() throws SQLException {
		OwnershipChecks.assertAppRoleIsConfinedToItsSchema(url, appRole, appPassword, schema());
	}

	@Test
	void theOwnerRoleRanTheMigrations() throws SQLException {
		OwnershipChecks.assertTablesOwnedByOwner(url, schema());
	}

	/**
	 * The outbox accepts every topic the ownership table lets the service write, except
	 * its dead-letter and redrive topics (written only by its consumers, never through
	 * the outbox), and refuses every other service's topic, even from the service's own
	 * app role. A service that publishes nothing has no outbox.
	 */
	@Test
	void theOutboxTakesOnlyTheTopicsTheServiceOwns() {
		KafkaOwnership ownership = KafkaOwnership.load();
		Set<String> owned = ownership.topicsWrittenBy(application)
			.stream()
			.filter(topic -> !topic.endsWith(".DLT") && !topic.endsWith(".redrive"))
			.filter(topic -> !publishedWithoutTheOutbox().contains(topic))
			.collect(Collectors.toSet());
		JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(url, appRole, appPassword));
		boolean hasOutbox = jdbc.sql("SELECT to_regclass(?) IS NOT NULL")
			.param(schema() + ".outbox_event")
			.query(Boolean.class)
			.single();
		assertThat(hasOutbox).as("an outbox in " + schema()).isEqualTo(!owned.isEmpty());
		if (!hasOutbox) {
			return;
		}
		Set<String> others = new TreeSet<>();
		ownership.principals().forEach(principal -> others.addAll(ownership.topicsWrittenBy(principal)));
		others.removeAll(owned);
		others.add("library.audit");
		for (String topic : owned) {
			assertThat(insertIntoOutbox(topic)).as(topic).isNull();
		}
		for (String topic : others) {
			assertThat(insertIntoOutbox(topic)).as(topic).isEqualTo("23514");
		}
	}

	/**
	 * Topics the service writes from a table of its own that serves as their outbox, not
	 * through {@code outbox_event}.
	 */
	protected Set<String> publishedWithoutTheOutbox() {
		return Set.of();
	}

	/**
	 * Inserts an event for {@code topic} as the app role and rolls back: the SQLState it
	 * was refused with, if any.
	 */
	private String insertIntoOutbox(String topic) {
		try (Connection connection = DriverManager.getConnection(url, appRole, appPassword)) {
			connection.setAutoCommit(false);
			try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + schema()
					+ ".outbox_event (topic, record_key, payload, headers) VALUES (?, 'k', '{}', '{}')")) {
				insert.setString(1, topic);
				insert.executeUpdate();
				return null;
			}
			catch (SQLException ex) {
				return ex.getSQLState();
			}
			finally {
				connection.rollback();
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
