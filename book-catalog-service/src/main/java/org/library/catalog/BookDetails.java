package org.library.catalog;

import java.util.List;

/**
 * What the catalog says about a book; everything a caller may set.
 */
public record BookDetails(Isbn isbn, String title, List<String> authors, String publisher, Integer publishedYear,
		String language, String description) {

	public BookDetails {
		authors = List.copyOf(authors);
	}

}
