package org.library.testsupport;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;

/**
 * The database ownership tests every service runs, against its own configuration: a service's test extends
 * this in its Spring test context and names its schema.
 */
public abstract class OwnershipContract {

	@Value("${spring.datasource.url}")
	protected String url;

	@Value("${spring.datasource.username}")
	protected String appRole;

	@Value("${spring.datasource.password}")
	protected String appPassword;

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

}
