package org.library.readinglist;

import org.library.testsupport.LibraryServiceTest;
import org.library.testsupport.OwnershipContract;

/**
 * Single ownership, enforced: reading_list_app does DML on the reading list's tables and
 * nothing else.
 */
@LibraryServiceTest
class DatabaseOwnershipTest extends OwnershipContract {

	@Override
	protected String schema() {
		return "reading_list";
	}

}
