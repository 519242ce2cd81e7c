package org.library.catalog;

import java.util.List;

/**
 * One page of a search, best matches first, or of the catalog in title order.
 *
 * @param totalElements how many books match; when {@code totalIsExact} is false, more do,
 * and only these many can be paged through
 * @param totalPages the pages that can be reached
 */
public record BookPage(List<BookSnapshot> content, int page, int size, long totalElements, boolean totalIsExact,
		int totalPages) {
}
