package org.library.readinglist;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The outcomes a reading-list request can be refused with.
 */
public final class ReadingListProblems {

	private ReadingListProblems() {
	}

	private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("urn:library:problem:" + type));
		problem.setTitle(title);
		return problem;
	}

	public static final class BookNotInCatalog extends ErrorResponseException {

		public BookNotInCatalog(UUID bookId) {
			super(HttpStatus.NOT_FOUND, problem(HttpStatus.NOT_FOUND, "book-not-in-catalog", "Book not in catalog",
					"The catalog does not know book " + bookId), null);
		}

	}

	public static final class BookRemovedFromCatalog extends ErrorResponseException {

		public BookRemovedFromCatalog(UUID bookId) {
			super(HttpStatus.CONFLICT, problem(HttpStatus.CONFLICT, "book-removed-from-catalog",
					"Book removed from catalog", "Book " + bookId + " was removed from the catalog and cannot be added"),
					null);
		}

	}

	public static final class NotOnList extends ErrorResponseException {

		public NotOnList(String readerId, UUID bookId) {
			super(HttpStatus.NOT_FOUND, problem(HttpStatus.NOT_FOUND, "not-on-reading-list", "Not on the reading list",
					"Book " + bookId + " is not on the reading list of " + readerId), null);
		}

	}

	public static final class ReadingListFull extends ErrorResponseException {

		public ReadingListFull(String readerId) {
			super(HttpStatus.CONFLICT, problem(HttpStatus.CONFLICT, "reading-list-full", "Reading list full",
					"The reading list of " + readerId + " already holds " + ReadingLists.MAX_ITEMS + " books"), null);
		}

	}

}
