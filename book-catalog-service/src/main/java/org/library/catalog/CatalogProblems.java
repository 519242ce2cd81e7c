package org.library.catalog;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The outcomes a catalog request can be refused with, each answered as its own problem type.
 */
public final class CatalogProblems {

	private CatalogProblems() {
	}

	private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("urn:library:problem:" + type));
		problem.setTitle(title);
		return problem;
	}

	public static final class BookNotFound extends ErrorResponseException {

		public BookNotFound(UUID id) {
			super(HttpStatus.NOT_FOUND,
					problem(HttpStatus.NOT_FOUND, "book-not-found", "Book not found", "No book has id " + id), null);
		}

	}

	public static final class DuplicateIsbn extends ErrorResponseException {

		public DuplicateIsbn(Isbn isbn) {
			super(HttpStatus.CONFLICT, duplicate(isbn), null);
		}

		private static ProblemDetail duplicate(Isbn isbn) {
			ProblemDetail problem = problem(HttpStatus.CONFLICT, "duplicate-isbn", "Duplicate ISBN",
					"A book with ISBN " + isbn + " is already in the catalog");
			problem.setProperty("isbn", isbn.value());
			return problem;
		}

	}

	public static final class StaleBookVersion extends ErrorResponseException {

		public StaleBookVersion(UUID id) {
			super(HttpStatus.PRECONDITION_FAILED, problem(HttpStatus.PRECONDITION_FAILED, "stale-book-version",
					"Book has changed", "Book " + id + " was changed since the version given in If-Match; "
							+ "fetch it again and retry"),
					null);
		}

	}

	public static final class VersionRequired extends ErrorResponseException {

		public VersionRequired() {
			super(HttpStatus.PRECONDITION_REQUIRED, problem(HttpStatus.PRECONDITION_REQUIRED, "version-required",
					"If-Match required", "Send the book's ETag in If-Match to change it"), null);
		}

	}

}
