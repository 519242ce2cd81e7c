package org.library.readinglist;

import java.util.UUID;

/**
 * What happened to a reading list, published in the transaction that made the change.
 */
public final class ReadingListEvents {

	private ReadingListEvents() {
	}

	public record BookListed(String readerId, UUID bookId, ReadingStatus status) {
	}

	public record ReadingStatusChanged(String readerId, UUID bookId, ReadingStatus from, ReadingStatus to) {
	}

	public record BookUnlisted(String readerId, UUID bookId) {
	}

}
