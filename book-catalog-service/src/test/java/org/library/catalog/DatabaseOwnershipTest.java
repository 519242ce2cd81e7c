package org.library.catalog;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The catalog serves traffic as book_catalog_app, and that role can do nothing but DML on the catalog's tables.
 */
@CatalogIntegrationTest
class DatabaseOwnershipTest {

	@Value("${spring.datasource.url}")
	String url;

	@Value("${spring.datasource.username}")
	String appRole;

	@Value("${spring.datasource.password}")
	String appPassword;

	@Test
	void theServiceConnectsAsItsAppRole() throws SQLException {
		assertThat(appRole).isEqualTo("book_catalog_app");
		try (Connection connection = DriverManager.getConnection(url, appRole, appPassword);
				var rows = connection.createStatement().executeQuery("SELECT current_user, count(*) FROM book")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString(1)).isEqualTo("book_catalog_app");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "book_inventory", "reading_list", "audit" })
	void appRoleIsDeniedEveryOtherSchema(String schema) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, appRole, appPassword);
				Statement statement = connection.createStatement()) {
			assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM " + schema + ".anything"))
				.hasMessageContaining("permission denied for schema " + schema);
			assertThatThrownBy(() -> statement.execute("CREATE TABLE " + schema + ".intruder (id int)"))
				.hasMessageContaining("permission denied for schema " + schema);
		}
	}

	@Test
	void appRoleCannotRunDdlInItsOwnSchema() throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, appRole, appPassword);
				Statement statement = connection.createStatement()) {
			assertThatThrownBy(() -> statement.execute("CREATE TABLE book_catalog.scratch (id int)"))
				.hasMessageContaining("permission denied");
			assertThatThrownBy(() -> statement.execute("ALTER TABLE book_catalog.book ADD COLUMN sneaky text"))
				.hasMessageContaining("must be owner");
			assertThatThrownBy(() -> statement.execute("DROP TABLE book_catalog.book"))
				.hasMessageContaining("must be owner");
			assertThatThrownBy(() -> statement.execute("CREATE TABLE public.scratch (id int)"))
				.hasMessageContaining("permission denied");
		}
	}

	@Test
	void appRoleCannotRewriteTheMigrationHistory() throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, appRole, appPassword);
				Statement statement = connection.createStatement()) {
			assertThatThrownBy(() -> statement.execute("DELETE FROM book_catalog.flyway_schema_history"))
				.hasMessageContaining("permission denied");
		}
	}

	@Test
	void theOwnerRoleRanTheMigrations() throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
				var rows = connection.createStatement()
					.executeQuery("SELECT tableowner FROM pg_tables WHERE schemaname = 'book_catalog' "
							+ "AND tablename IN ('book', 'outbox_event') GROUP BY tableowner")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString(1)).isEqualTo("book_catalog_owner");
			assertThat(rows.next()).isFalse();
		}
	}

}
