package org.library.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A book as it is now: the REST representation and the value of its record on
 * library.catalog.books.
 *
 * @param version increases with every change; the REST API's ETag
 */
public record BookSnapshot(UUID id, String isbn, String title, List<String> authors, String publisher,
		Integer publishedYear, String language, String description, long version, Instant createdAt,
		Instant updatedAt) {
}
