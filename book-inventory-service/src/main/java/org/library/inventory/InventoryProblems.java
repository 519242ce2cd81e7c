package org.library.inventory;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The outcomes an inventory request can be refused with, each its own problem type.
 */
public final class InventoryProblems {

	private InventoryProblems() {
	}

	private static ProblemDetail problem(HttpStatus status, String type, String title, String detail, BookStock stock) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("urn:library:problem:" + type));
		problem.setTitle(title);
		if (stock != null) {
			problem.setProperty("availableCopies", stock.availableCopies());
			problem.setProperty("onLoan", stock.onLoan());
			problem.setProperty("status", stock.status());
		}
		return problem;
	}

	public static final class BookNotKnown extends ErrorResponseException {

		public BookNotKnown(UUID bookId) {
			super(HttpStatus.NOT_FOUND, problem(HttpStatus.NOT_FOUND, "book-not-known", "Book not known",
					"The inventory has not seen book " + bookId + " in the catalog (yet)", null), null);
		}

	}

	public static final class NoCopyAvailable extends ErrorResponseException {

		public NoCopyAvailable(BookStock stock) {
			super(HttpStatus.CONFLICT, problem(HttpStatus.CONFLICT, "no-copy-available", "No copy available",
					"All copies of book " + stock.bookId() + " are on loan", stock), null);
		}

	}

	public static final class BookWithdrawn extends ErrorResponseException {

		public BookWithdrawn(BookStock stock) {
			super(HttpStatus.CONFLICT, problem(HttpStatus.CONFLICT, "book-withdrawn", "Book withdrawn",
					"Book " + stock.bookId() + " was removed from the catalog; copies can only be returned", stock),
					null);
		}

	}

	public static final class NoCopyOnLoan extends ErrorResponseException {

		public NoCopyOnLoan(BookStock stock) {
			super(HttpStatus.CONFLICT, problem(HttpStatus.CONFLICT, "no-copy-on-loan", "No copy on loan",
					"No copy of book " + stock.bookId() + " is on loan", stock), null);
		}

	}

	public static final class CopiesOnLoan extends ErrorResponseException {

		public CopiesOnLoan(BookStock stock, int count) {
			super(HttpStatus.CONFLICT, problem(HttpStatus.CONFLICT, "copies-on-loan", "Copies on loan",
					"Cannot take " + count + " copies of book " + stock.bookId() + " out of stock: only "
							+ stock.availableCopies() + " are on the shelf",
					stock), null);
		}

	}

	public static final class TooManyCopies extends ErrorResponseException {

		public TooManyCopies(BookStock stock, int count) {
			super(HttpStatus.CONFLICT, problem(HttpStatus.CONFLICT, "too-many-copies", "Too many copies",
					"Adding " + count + " copies would take book " + stock.bookId() + " over "
							+ Stock.MAX_COPIES + " copies",
					stock), null);
		}

	}

}
