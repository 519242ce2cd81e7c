package org.library.inventory;

/**
 * What happened to a book's copies, published in the transaction that made the change.
 */
public final class InventoryEvents {

	private InventoryEvents() {
	}

	public record CopiesAdded(BookStock stock, int count) {
	}

	public record CopiesRemoved(BookStock stock, int count) {
	}

	public record CopyCheckedOut(BookStock stock) {
	}

	public record CopyReturned(BookStock stock) {
	}

	public record BookWithdrawn(BookStock stock) {
	}

}
