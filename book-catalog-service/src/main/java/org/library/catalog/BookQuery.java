package org.library.catalog;

/**
 * A catalog search: {@code text} matches title, author or ISBN, {@code author} narrows to
 * an author; both optional. With neither, the catalog in title order.
 */
public record BookQuery(String text, String author, int page, int size) {

	/**
	 * How many of the books a search matches are ranked and can be paged through: each is
	 * read from the table to be ranked, so this bounds a search's work. A search that
	 * matches more says so ({@link BookPage#totalIsExact()} false): more words narrow it.
	 */
	public static final int RANKED = 200;

	/**
	 * How deep browsing reaches, and how many books it counts: an offset makes the
	 * database walk past every book before it, so a deeper page would cost without bound.
	 */
	public static final int BROWSED = 10_000;

	/** Whether this is a search, rather than browsing the catalog. */
	public boolean searches() {
		return !blank(text) || !blank(author);
	}

	/** How many results this query's pages can reach. */
	public int deepest() {
		return searches() ? RANKED : BROWSED;
	}

	static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
