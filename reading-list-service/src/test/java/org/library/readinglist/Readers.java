package org.library.readinglist;

import org.library.testsupport.Caller;
import org.library.testsupport.ServiceUnderTest;

/**
 * The issuer's readers, {@code ada} and {@code alan}, are the only people whose lists a
 * test can reach, so a test that needs an empty list empties theirs first.
 */
final class Readers {

	private Readers() {
	}

	static void clearLists(ServiceUnderTest service) {
		service.as("reading_list_owner")
			.sql("DELETE FROM reading_list_item WHERE reader_id IN (?, ?)")
			.params(Caller.ADA.subject(), Caller.ALAN.subject())
			.update();
	}

}
