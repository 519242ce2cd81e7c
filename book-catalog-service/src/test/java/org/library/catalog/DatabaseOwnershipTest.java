package org.library.catalog;

import org.library.testsupport.OwnershipContract;

/**
 * The catalog serves traffic as book_catalog_app, and that role can do nothing but DML on
 * the catalog's tables.
 */
@CatalogIntegrationTest
class DatabaseOwnershipTest extends OwnershipContract {

	@Override
	protected String schema() {
		return "book_catalog";
	}

}
