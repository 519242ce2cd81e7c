package org.library.inventory;

import java.util.UUID;

import org.library.inventory.InventoryRefusals.BookIsWithdrawn;
import org.library.inventory.InventoryRefusals.NoCopyAvailable;
import org.library.inventory.InventoryRefusals.StockConflict;
import org.library.inventory.InventoryRefusals.TooManyCopies;

/**
 * The copies of one book: what the REST API answers, and why a change of it was refused.
 *
 * @param availableCopies on the shelf, free to borrow
 * @param heldCopies set aside for readers whose holds came up, until they borrow them
 * @param onLoan lent and not yet returned
 */
public record BookStock(UUID bookId, int totalCopies, int availableCopies, int heldCopies, int onLoan,
		StockStatus status) {

	/**
	 * Why no copy could be lent from this stock: it is withdrawn, or every copy is out.
	 */
	StockConflict whyNoLoan() {
		return status == StockStatus.WITHDRAWN ? new BookIsWithdrawn(this) : new NoCopyAvailable(this);
	}

	/**
	 * Why {@code count} copies could not be added: it is withdrawn, or they would be too
	 * many.
	 */
	StockConflict whyNoCopiesAdded(int count) {
		return status == StockStatus.WITHDRAWN ? new BookIsWithdrawn(this) : new TooManyCopies(this, count);
	}

}
