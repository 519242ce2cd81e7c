package org.library.catalog;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.library.testsupport.OwnershipChecks;

import org.springframework.beans.factory.annotation.Value;

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
	void appRoleIsDeniedEveryOtherSchemaAndAllDdl() throws SQLException {
		OwnershipChecks.assertAppRoleIsConfinedToItsSchema(url, appRole, appPassword, "book_catalog");
	}

	@Test
	void theOwnerRoleRanTheMigrations() throws SQLException {
		OwnershipChecks.assertTablesOwnedByOwner(url, "book_catalog");
	}

}
