package org.library.testsupport;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.library.contracts.Topics;

/**
 * Plays the catalog in its consumers' tests: records on library.catalog.books exactly as
 * the catalog publishes them (the topic's contract), so a consumer is tested without
 * depending on the catalog's module.
 */
public final class CatalogTopicFeed implements AutoCloseable {

	private final TopicFeed feed;

	public CatalogTopicFeed(String bootstrapServers) {
		feed = new TopicFeed(bootstrapServers, Topics.CATALOG_BOOKS, "book-catalog-service",
				Map.of("cleanup.policy", "compact"));
	}

	/** A new book: its first snapshot. */
	public UUID bookAdded() {
		UUID id = UUID.randomUUID();
		snapshot(id, 0, "A book", List.of("An Author"), "librarian");
		return id;
	}

	public void snapshot(UUID id, long version, String actor) {
		snapshot(id, version, "A book", List.of("An Author"), actor);
	}

	public void snapshot(UUID id, long version, String title, List<String> authors, String actor) {
		String authorList = authors.stream().map(author -> "\"" + author + "\"").collect(Collectors.joining(","));
		String value = """
				{"id":"%s","isbn":"9780441478125","title":"%s","authors":[%s],"version":%d}""".formatted(id, title,
				authorList, version);
		feed.send(id.toString(), value, "org.library.catalog." + (version == 0 ? "BookAdded" : "BookUpdated"), actor);
	}

	public void tombstone(UUID id, String actor) {
		feed.send(id.toString(), null, "org.library.catalog.BookRemoved", actor);
	}

	/**
	 * A tombstone sent in the trace {@code traceparent} names, as the catalog's relay
	 * sends it.
	 */
	public void tombstone(UUID id, String actor, String traceparent) {
		feed.send(id.toString(), null, "org.library.catalog.BookRemoved", actor, Map.of("traceparent", traceparent));
	}

	/** Sends a record the way a broken or foreign producer might. */
	public void raw(String key, String value) {
		feed.send(key, value, "org.library.catalog.Garbage", "prankster");
	}

	@Override
	public void close() {
		feed.close();
	}

}
