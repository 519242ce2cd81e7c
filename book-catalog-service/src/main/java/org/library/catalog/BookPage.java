package org.library.catalog;

import java.util.List;

/**
 * One page of a search, in title order.
 */
public record BookPage(List<BookSnapshot> content, int page, int size, long totalElements, int totalPages) {
}
