package org.library.readinglist;

import java.util.UUID;

import org.library.platform.web.Problem;

import org.springframework.http.HttpStatus;

/**
 * The outcomes a reading-list request can be refused with.
 */
public final class ReadingListProblems {

	private ReadingListProblems() {
	}

	public static final class BookNotInCatalog extends Problem {

		public BookNotInCatalog(UUID bookId) {
			super(HttpStatus.NOT_FOUND, "book-not-in-catalog", "Book not in catalog",
					"The catalog does not know book " + bookId);
		}

	}

	public static final class BookRemovedFromCatalog extends Problem {

		public BookRemovedFromCatalog(UUID bookId) {
			super(HttpStatus.CONFLICT, "book-removed-from-catalog", "Book removed from catalog",
					"Book " + bookId + " was removed from the catalog and cannot be added");
		}

	}

	public static final class NotOnList extends Problem {

		public NotOnList(String readerId, UUID bookId) {
			super(HttpStatus.NOT_FOUND, "not-on-reading-list", "Not on the reading list",
					"Book " + bookId + " is not on the reading list of " + readerId);
		}

	}

	public static final class ReadingListFull extends Problem {

		public ReadingListFull(String readerId) {
			super(HttpStatus.CONFLICT, "reading-list-full", "Reading list full",
					"The reading list of " + readerId + " already holds " + ReadingLists.MAX_ITEMS + " books");
		}

	}

}
