package org.library.catalog;

import java.util.UUID;

/**
 * What happened in the catalog, published in the transaction that made the change.
 */
public final class CatalogEvents {

	private CatalogEvents() {
	}

	public record BookAdded(BookSnapshot book) {
	}

	public record BookUpdated(BookSnapshot book) {
	}

	public record BookRemoved(UUID bookId, String isbn) {
	}

}
