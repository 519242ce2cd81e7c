package org.library.catalog;

import java.util.UUID;

import org.library.platform.refusal.Refusal;

/**
 * The outcomes a catalog request can be refused with, each answered as its own problem
 * type.
 */
public final class CatalogRefusals {

	private CatalogRefusals() {
	}

	public static final class BookNotFound extends Refusal {

		public BookNotFound(UUID id) {
			super("book-not-found", "Book not found", "No book has id " + id);
		}

	}

	public static final class DuplicateIsbn extends Refusal {

		public DuplicateIsbn(Isbn isbn) {
			super("duplicate-isbn", "Duplicate ISBN", "A book with ISBN " + isbn + " is already in the catalog");
			set("isbn", isbn.value());
		}

	}

	public static final class StaleBookVersion extends Refusal {

		public StaleBookVersion(UUID id) {
			super("stale-book-version", "Book has changed",
					"Book " + id + " was changed since the version given in If-Match; fetch it again and retry");
		}

	}

}
