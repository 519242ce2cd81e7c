package org.library.infrastructure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProvisioningTest {

	private final LibraryInfrastructure infrastructure = LibraryInfrastructure.forTests();

	@Test
	void passwordDefaultsToTheRoleNameAndIsOverriddenByTheEnvironment() {
		assertThat(Provisioning.passwordFor("audit_app", name -> null)).isEqualTo("audit_app");
		assertThat(Provisioning.passwordFor("audit_app", Map.of("AUDIT_APP_PASSWORD", "s3cret")::get))
			.isEqualTo("s3cret");
	}

	@Test
	void substitutesPasswordsAsQuotedLiterals() {
		Provisioning provisioning = new Provisioning("localhost", 1, "postgres", "postgres",
				Map.of("AUDIT_APP_PASSWORD", "it's")::get);
		assertThat(provisioning.substitute("ALTER ROLE audit_app PASSWORD :'audit_app_password';"))
			.isEqualTo("ALTER ROLE audit_app PASSWORD 'it''s';");
	}

	@Test
	void runningTheScriptAgainstAProvisionedClusterChangesNothingAndFailsNothing() {
		new Provisioning("localhost", infrastructure.postgresPort(), "postgres", "postgres", System::getenv).run();
	}

	@Test
	void everySchemaIsOwnedByItsOwnerRole() throws SQLException {
		try (Connection connection = connect("postgres");
				var rows = connection.createStatement()
					.executeQuery("SELECT nspname, pg_get_userbyid(nspowner) FROM pg_namespace "
							+ "WHERE nspname IN ('book_catalog','book_inventory','reading_list','audit') ORDER BY 1")) {
			var owners = new LinkedHashMap<String, String>();
			while (rows.next()) {
				owners.put(rows.getString(1), rows.getString(2));
			}
			assertThat(owners).containsExactly(Map.entry("audit", "audit_owner"),
					Map.entry("book_catalog", "book_catalog_owner"),
					Map.entry("book_inventory", "book_inventory_owner"),
					Map.entry("reading_list", "reading_list_owner"));
		}
	}

	@Test
	void anAppRoleCanNeitherCreateInPublicNorReadAnotherSchema() throws SQLException {
		try (Connection connection = connect("reading_list_app"); Statement statement = connection.createStatement()) {
			assertThatThrownBy(() -> statement.execute("CREATE TABLE public.sneaky (id int)"))
				.hasMessageContaining("permission denied");
			assertThatThrownBy(() -> statement.execute("CREATE TABLE reading_list.sneaky (id int)"))
				.hasMessageContaining("permission denied");
			assertThatThrownBy(() -> statement.execute("SELECT 1 FROM pg_catalog.pg_class, audit.nothing"))
				.hasMessageContaining("permission denied");
		}
	}

	@Test
	void auditAppMayOnlyInsertAndSelectTablesItsOwnerCreates() throws SQLException {
		try (Connection owner = connect("audit_owner"); Statement statement = owner.createStatement()) {
			statement.execute("CREATE TABLE IF NOT EXISTS audit.provisioning_probe (id int)");
		}
		try (Connection app = connect("audit_app"); Statement statement = app.createStatement()) {
			statement.execute("INSERT INTO audit.provisioning_probe VALUES (1)");
			assertThat(statement.executeQuery("SELECT count(*) FROM audit.provisioning_probe").next()).isTrue();
			assertThatThrownBy(() -> statement.execute("UPDATE audit.provisioning_probe SET id = 2"))
				.hasMessageContaining("permission denied");
			assertThatThrownBy(() -> statement.execute("DELETE FROM audit.provisioning_probe"))
				.hasMessageContaining("permission denied");
			assertThatThrownBy(() -> statement.execute("TRUNCATE audit.provisioning_probe"))
				.hasMessageContaining("permission denied");
		}
		finally {
			try (Connection owner = connect("audit_owner"); Statement statement = owner.createStatement()) {
				statement.execute("DROP TABLE audit.provisioning_probe");
			}
		}
	}

	private Connection connect(String role) throws SQLException {
		return DriverManager.getConnection(infrastructure.jdbcUrl(), role, role.equals("postgres") ? "postgres" : role);
	}

}
