package org.library.inventory;

import java.util.UUID;

import org.library.platform.refusal.Refusal;

/**
 * The outcomes an inventory change can be refused with, each its own problem type. A
 * refusal about a book's copies carries the copies as they were, so the caller sees why.
 */
public final class InventoryRefusals {

	private InventoryRefusals() {
	}

	/** A refusal that shows the stock that refused the change. */
	public abstract static class StockConflict extends Refusal {

		StockConflict(String type, String title, String detail, BookStock stock) {
			super(type, title, detail);
			set("availableCopies", stock.availableCopies());
			set("onLoan", stock.onLoan());
			set("status", stock.status());
		}

	}

	public static final class BookNotKnown extends Refusal {

		public BookNotKnown(UUID bookId) {
			super("book-not-known", "Book not known",
					"The inventory has not seen book " + bookId + " in the catalog (yet)");
		}

	}

	public static final class NoCopyAvailable extends StockConflict {

		public NoCopyAvailable(BookStock stock) {
			super("no-copy-available", "No copy available", "All copies of book " + stock.bookId() + " are on loan",
					stock);
		}

	}

	/**
	 * The refusal; the event of a book's withdrawal is
	 * {@code InventoryEvents.BookWithdrawn}.
	 */
	public static final class BookIsWithdrawn extends StockConflict {

		public BookIsWithdrawn(BookStock stock) {
			super("book-withdrawn", "Book withdrawn",
					"Book " + stock.bookId() + " was removed from the catalog; copies can only be returned", stock);
		}

	}

	public static final class NoCopyOnLoan extends StockConflict {

		public NoCopyOnLoan(BookStock stock) {
			super("no-copy-on-loan", "No copy on loan", "No copy of book " + stock.bookId() + " is on loan", stock);
		}

	}

	public static final class CopiesOnLoan extends StockConflict {

		public CopiesOnLoan(BookStock stock, int count) {
			super("copies-on-loan", "Copies on loan", "Cannot take " + count + " copies of book " + stock.bookId()
					+ " out of stock: only " + stock.availableCopies() + " are on the shelf", stock);
		}

	}

	public static final class TooManyCopies extends StockConflict {

		public TooManyCopies(BookStock stock, int count) {
			super("too-many-copies", "Too many copies", "Adding " + count + " copies would take book " + stock.bookId()
					+ " over " + Stock.MAX_COPIES + " copies", stock);
		}

	}

}
