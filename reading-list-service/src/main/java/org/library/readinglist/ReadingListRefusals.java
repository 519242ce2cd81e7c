package org.library.readinglist;

import java.util.UUID;

import org.library.platform.refusal.Refusal;

/**
 * The outcomes a reading-list request can be refused with.
 */
public final class ReadingListRefusals {

	private ReadingListRefusals() {
	}

	public static final class BookNotInCatalog extends Refusal {

		public BookNotInCatalog(UUID bookId) {
			super("book-not-in-catalog", "Book not in catalog", "The catalog does not know book " + bookId);
		}

	}

	public static final class BookRemovedFromCatalog extends Refusal {

		public BookRemovedFromCatalog(UUID bookId) {
			super("book-removed-from-catalog", "Book removed from catalog",
					"Book " + bookId + " was removed from the catalog and cannot be added");
		}

	}

	public static final class NotOnList extends Refusal {

		public NotOnList(String readerId, UUID bookId) {
			super("not-on-reading-list", "Not on the reading list",
					"Book " + bookId + " is not on the reading list of " + readerId);
		}

	}

	public static final class ReadingListFull extends Refusal {

		public ReadingListFull(String readerId) {
			super("reading-list-full", "Reading list full",
					"The reading list of " + readerId + " already holds " + ReadingLists.MAX_ITEMS + " books");
		}

	}

}
