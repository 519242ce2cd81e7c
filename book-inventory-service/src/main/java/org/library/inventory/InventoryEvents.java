package org.library.inventory;

/**
 * What happened to a book's copies, its loans and its holds, published in the transaction
 * that made the change.
 */
public final class InventoryEvents {

	private InventoryEvents() {
	}

	public record CopiesAdded(BookStock stock, int count) {
	}

	public record CopiesRemoved(BookStock stock, int count) {
	}

	public record BookWithdrawn(BookStock stock) {
	}

	/** A copy was lent: from the shelf, or the one set aside for the reader's hold. */
	public record LoanOpened(Loan loan, BookStock stock, Hold fulfilled) {
	}

	public record LoanReturned(Loan loan, BookStock stock) {
	}

	public record LoanRenewed(Loan loan) {
	}

	public record HoldPlaced(Hold hold) {
	}

	/**
	 * A copy was set aside for the hold; its reader may borrow it until its ready-until.
	 */
	public record HoldReady(Hold hold) {
	}

	/** The pickup window passed; the copy went to the next hold or to the shelf. */
	public record HoldExpired(Hold hold) {
	}

	/**
	 * The reader, or a librarian, cancelled it; or the book left the catalog.
	 *
	 * @param by who cancelled it, or null when the catalog withdrew the book
	 */
	public record HoldCancelled(Hold hold, String by) {
	}

}
