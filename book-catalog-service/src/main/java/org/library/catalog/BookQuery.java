package org.library.catalog;

/**
 * A catalog search: {@code text} matches title, author or ISBN, {@code author} narrows to
 * an author; both optional, both matched case-insensitively anywhere in the value.
 */
public record BookQuery(String text, String author, int page, int size) {
}
