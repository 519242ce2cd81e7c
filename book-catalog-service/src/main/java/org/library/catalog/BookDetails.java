package org.library.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the catalog says about a book; everything a caller may set.
 */
public record BookDetails(Isbn isbn, String title, List<String> authors, String publisher, Integer publishedYear,
		String language, String description) {

	public BookDetails {
		authors = List.copyOf(authors);
	}

	/** The book these details describe, at a version. */
	BookSnapshot describing(UUID id, long version, Instant createdAt, Instant updatedAt) {
		return new BookSnapshot(id, isbn.value(), title, authors, publisher, publishedYear, language, description,
				version, createdAt, updatedAt);
	}

}
