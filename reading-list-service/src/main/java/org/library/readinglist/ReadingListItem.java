package org.library.readinglist;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A book on a reader's list, described from the service's copy of the catalog.
 *
 * @param removedFromCatalog the catalog removed the book; it stays on the list, flagged
 */
public record ReadingListItem(UUID bookId, String isbn, String title, List<String> authors, ReadingStatus status,
		Instant addedAt, Instant updatedAt, boolean removedFromCatalog) {
}
