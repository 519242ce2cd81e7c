package org.library.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The database ownership rules as assertions, for any service's app role.
 */
public final class OwnershipChecks {

	/** The schemas of the suite, one per service (infra/postgres/provision.sql). */
	public static final List<String> SERVICE_SCHEMAS = List.of("book_catalog", "book_inventory", "reading_list",
			"audit");

	private OwnershipChecks() {
	}

	/**
	 * The role is what it is meant to be: it can read its own schema, every other schema
	 * answers "permission denied", and it can run no DDL anywhere, nor touch the
	 * migration history.
	 */
	public static void assertAppRoleIsConfinedToItsSchema(String jdbcUrl, String role, String password,
			String ownSchema) throws SQLException {
		try (Connection connection = DriverManager.getConnection(jdbcUrl, role, password);
				Statement statement = connection.createStatement()) {
			var user = statement.executeQuery("SELECT current_user");
			user.next();
			assertThat(user.getString(1)).isEqualTo(role);
			for (String schema : SERVICE_SCHEMAS) {
				if (schema.equals(ownSchema)) {
					continue;
				}
				assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM " + schema + ".anything"))
					.as("%s reading %s", role, schema)
					.hasMessageContaining("permission denied for schema " + schema);
				assertThatThrownBy(() -> statement.execute("CREATE TABLE " + schema + ".intruder (id int)"))
					.as("%s creating in %s", role, schema)
					.hasMessageContaining("permission denied for schema " + schema);
			}
			assertThatThrownBy(() -> statement.execute("CREATE TABLE " + ownSchema + ".scratch (id int)"))
				.as("%s running DDL in its own schema", role)
				.hasMessageContaining("permission denied");
			assertThatThrownBy(() -> statement.execute("CREATE TABLE public.scratch (id int)"))
				.as("%s creating in public", role)
				.hasMessageContaining("permission denied");
			assertThatThrownBy(() -> statement.execute("DELETE FROM " + ownSchema + ".flyway_schema_history"))
				.as("%s rewriting the migration history", role)
				.hasMessageContaining("permission denied");
		}
	}

	/**
	 * Every table of the schema is owned by the schema's owner role, which ran the
	 * migrations.
	 */
	public static void assertTablesOwnedByOwner(String jdbcUrl, String schema) throws SQLException {
		try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
				var rows = connection.createStatement()
					.executeQuery("SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = '" + schema + "'")) {
			List<String> owners = new ArrayList<>();
			while (rows.next()) {
				owners.add(rows.getString(1));
			}
			assertThat(owners).containsExactly(schema + "_owner");
		}
	}

}
