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
			set("heldCopies", stock.heldCopies());
			set("onLoan", stock.onLoan());
			set("bookStatus", stock.status());
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
			super("no-copy-available", "No copy available",
					"No copy of book " + stock.bookId()
							+ " is on the shelf: all are on loan or set aside for holds; place a hold to queue for one",
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

	public static final class CopiesOnLoan extends StockConflict {

		public CopiesOnLoan(BookStock stock, int count) {
			super("copies-on-loan", "Copies on loan",
					"Cannot take " + count + " copies of book " + stock.bookId() + " out of stock: only "
							+ stock.availableCopies()
							+ " are on the shelf (copies on loan or set aside for holds stay)",
					stock);
		}

	}

	public static final class TooManyCopies extends StockConflict {

		public TooManyCopies(BookStock stock, int count) {
			super("too-many-copies", "Too many copies", "Adding " + count + " copies would take book " + stock.bookId()
					+ " over " + Stock.MAX_COPIES + " copies", stock);
		}

	}

	/**
	 * A loan or a hold is refused because of the reader's or the book's loans and holds.
	 */
	public abstract static class CirculationConflict extends Refusal {

		CirculationConflict(String type, String title, String detail) {
			super(type, title, detail);
		}

	}

	/** What is asked for is another reader's. */
	public abstract static class NotYours extends Refusal {

		NotYours(String type, String title, String detail) {
			super(type, title, detail);
		}

	}

	public static final class LoanNotKnown extends Refusal {

		public LoanNotKnown(UUID loanId) {
			super("loan-not-known", "Loan not known", "There is no loan " + loanId);
		}

	}

	public static final class HoldNotKnown extends Refusal {

		public HoldNotKnown(UUID holdId) {
			super("hold-not-known", "Hold not known", "There is no hold " + holdId);
		}

	}

	public static final class NoReaderNamed extends Refusal {

		public NoReaderNamed() {
			super("reader-required", "Reader required",
					"A librarian lends to, and places holds for, a reader named in the request's reader field");
		}

	}

	public static final class ReadersActForThemselves extends NotYours {

		public ReadersActForThemselves(String reader) {
			super("readers-act-for-themselves", "Readers act for themselves", "Reader " + reader
					+ " may borrow and place holds for herself only; a librarian lends to other readers");
		}

	}

	public static final class NotYourLoan extends NotYours {

		public NotYourLoan(UUID loanId) {
			super("not-your-loan", "Not your loan", "Loan " + loanId
					+ " is another reader's: only its borrower or a librarian may see, renew or return it");
		}

	}

	public static final class NotYourHold extends NotYours {

		public NotYourHold(UUID holdId) {
			super("not-your-hold", "Not your hold",
					"Hold " + holdId + " is another reader's: only its reader or a librarian may see or cancel it");
		}

	}

	public static final class NotYourReader extends NotYours {

		public NotYourReader(String reader) {
			super("not-your-reader", "Another reader's",
					"The loans and holds of " + reader + " are hers: only she and librarians may see them");
		}

	}

	public static final class AlreadyBorrowed extends CirculationConflict {

		public AlreadyBorrowed(String reader, UUID bookId) {
			super("already-borrowed", "Already borrowed",
					"Reader " + reader + " has a copy of book " + bookId + " on loan already");
		}

	}

	public static final class OverdueLoans extends CirculationConflict {

		public OverdueLoans(String reader) {
			super("overdue-loans", "Overdue loans",
					"Reader " + reader + " has an overdue loan: it must be returned before she borrows again");
		}

	}

	public static final class LoanLimitReached extends CirculationConflict {

		public LoanLimitReached(String reader, int limit) {
			super("loan-limit-reached", "Loan limit reached",
					"Reader " + reader + " has " + limit + " loans, the most a reader may have at once");
			set("maxOpenLoans", limit);
		}

	}

	public static final class LoanAlreadyReturned extends CirculationConflict {

		public LoanAlreadyReturned(Loan loan) {
			super("loan-already-returned", "Loan already returned",
					"Loan " + loan.id() + " was returned at " + loan.returnedAt());
		}

	}

	public static final class RenewalLimitReached extends CirculationConflict {

		public RenewalLimitReached(Loan loan, int limit) {
			super("renewal-limit-reached", "Renewal limit reached",
					"Loan " + loan.id() + " was renewed " + loan.renewals() + " times, the most a loan may be");
			set("maxRenewals", limit);
		}

	}

	public static final class BookIsHeld extends CirculationConflict {

		public BookIsHeld(Loan loan) {
			super("book-held", "Book held", "Loan " + loan.id() + " cannot be renewed: other readers hold book "
					+ loan.bookId() + " and wait for a copy");
		}

	}

	public static final class CopyOnTheShelf extends StockConflict {

		public CopyOnTheShelf(BookStock stock) {
			super("copy-on-the-shelf", "Copy on the shelf",
					"A copy of book " + stock.bookId() + " is on the shelf: borrow it rather than place a hold", stock);
		}

	}

	public static final class HoldAlreadyPlaced extends CirculationConflict {

		public HoldAlreadyPlaced(Hold hold) {
			super("hold-already-placed", "Hold already placed",
					"Reader " + hold.reader() + " holds book " + hold.bookId() + " already: hold " + hold.id());
			set("holdId", hold.id());
		}

	}

	public static final class HoldClosed extends CirculationConflict {

		public HoldClosed(Hold hold) {
			super("hold-closed", "Hold closed", "Hold " + hold.id() + " is " + hold.status() + " already");
		}

	}

}
