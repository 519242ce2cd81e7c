package org.library.readinglist;

import java.util.List;

/**
 * One page of a reader's list, newest first.
 */
public record ReadingListPage(List<ReadingListItem> items, int page, int size, long totalElements, int totalPages) {
}
