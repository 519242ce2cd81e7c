package org.library.catalog;

import java.util.UUID;

import org.library.platform.web.Problem;

import org.springframework.http.HttpStatus;

/**
 * The outcomes a catalog request can be refused with, each answered as its own problem type.
 */
public final class CatalogProblems {

	private CatalogProblems() {
	}

	public static final class BookNotFound extends Problem {

		public BookNotFound(UUID id) {
			super(HttpStatus.NOT_FOUND, "book-not-found", "Book not found", "No book has id " + id);
		}

	}

	public static final class DuplicateIsbn extends Problem {

		public DuplicateIsbn(Isbn isbn) {
			super(HttpStatus.CONFLICT, "duplicate-isbn", "Duplicate ISBN",
					"A book with ISBN " + isbn + " is already in the catalog");
			set("isbn", isbn.value());
		}

	}

	public static final class StaleBookVersion extends Problem {

		public StaleBookVersion(UUID id) {
			super(HttpStatus.PRECONDITION_FAILED, "stale-book-version", "Book has changed",
					"Book " + id + " was changed since the version given in If-Match; fetch it again and retry");
		}

	}

	public static final class VersionRequired extends Problem {

		public VersionRequired() {
			super(HttpStatus.PRECONDITION_REQUIRED, "version-required", "If-Match required",
					"Send the book's ETag in If-Match to change it");
		}

	}

}
