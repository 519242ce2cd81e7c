package org.library.readinglist;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The service's own read-only replica of the catalog data it shows. Written only from
 * library.catalog.books: a snapshot upserts (unless an equal or newer version is already
 * here), a tombstone flags the book removed. Both are idempotent, so a redelivery or a
 * replay ends in the same rows.
 */
@Repository
class CatalogReplica {

	/** What the replica says about a book: enough to refuse unknown and removed books. */
	record ReplicatedBook(UUID bookId, boolean removed) {
	}

	private final JdbcClient jdbc;

	CatalogReplica(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<ReplicatedBook> find(UUID bookId) {
		return jdbc.sql("SELECT book_id, removed FROM catalog_book WHERE book_id = ?")
			.param(bookId)
			.query((row, n) -> new ReplicatedBook(row.getObject("book_id", UUID.class), row.getBoolean("removed")))
			.optional();
	}

	void upsert(UUID bookId, long version, String isbn, String title, List<String> authors) {
		jdbc.sql("""
				INSERT INTO catalog_book (book_id, isbn, title, authors, catalog_version)
				VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (book_id) DO UPDATE
				   SET isbn = EXCLUDED.isbn, title = EXCLUDED.title, authors = EXCLUDED.authors,
				       catalog_version = EXCLUDED.catalog_version, updated_at = now()
				 WHERE catalog_book.catalog_version < EXCLUDED.catalog_version AND NOT catalog_book.removed""")
			.params(bookId, isbn, title, authors.toArray(String[]::new), version)
			.update();
	}

	/** A book the copy never saw has no list to flag it on: nothing to do. */
	void markRemoved(UUID bookId) {
		jdbc.sql("UPDATE catalog_book SET removed = true, updated_at = now() WHERE book_id = ? AND NOT removed")
			.param(bookId)
			.update();
	}

}
