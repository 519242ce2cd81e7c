package org.library.inventory;

import java.util.Map;
import java.util.UUID;

import org.library.testsupport.TopicFeed;

/**
 * Plays the catalog in the inventory's tests: records on library.catalog.books exactly as the catalog publishes
 * them (the contract), without depending on the catalog's module.
 */
final class CatalogFeed implements AutoCloseable {

	static final String TOPIC = "library.catalog.books";

	private final TopicFeed feed;

	CatalogFeed(String bootstrapServers) {
		feed = new TopicFeed(bootstrapServers, TOPIC, "book-catalog-service", Map.of("cleanup.policy", "compact"));
	}

	UUID bookAdded() {
		UUID id = UUID.randomUUID();
		snapshot(id, 0, "librarian");
		return id;
	}

	void snapshot(UUID id, long version, String actor) {
		String value = """
				{"id":"%s","isbn":"9780441478125","title":"A book","authors":["An Author"],"version":%d}"""
			.formatted(id, version);
		feed.send(id.toString(), value, "org.library.catalog." + (version == 0 ? "BookAdded" : "BookUpdated"), actor);
	}

	void tombstone(UUID id, String actor) {
		feed.send(id.toString(), null, "org.library.catalog.BookRemoved", actor);
	}

	/** Sends a record the way a broken or foreign producer might. */
	void raw(String key, String value) {
		feed.send(key, value, "org.library.catalog.Garbage", "prankster");
	}

	@Override
	public void close() {
		feed.close();
	}

}
