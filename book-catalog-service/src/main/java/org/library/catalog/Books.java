package org.library.catalog;

import java.sql.Timestamp;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The catalog's rows of the book table, one statement each. A change names the version it
 * was decided on and lands only on a row still at that version, so of two changes decided
 * on the same read the second changes nothing ({@link Catalog} answers it as a stale
 * version, as the ETag promises). Reads are {@link BookSearch}'s.
 */
@Repository
class Books {

	private final JdbcClient jdbc;

	Books(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Whether a book other than {@code book} has the ISBN. */
	boolean isbnTaken(String isbn, UUID book) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM book WHERE isbn = ? AND id <> ?)")
			.params(isbn, book)
			.query(Boolean.class)
			.single();
	}

	void insert(BookSnapshot book) {
		jdbc.sql("""
				INSERT INTO book (id, isbn, title, authors, publisher, published_year, language, description, version,
				                  created_at, updated_at)
				VALUES (?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?, ?)""")
			.params(book.id(), book.isbn(), book.title(), book.authors().toArray(String[]::new), book.publisher(),
					book.publishedYear(), book.language(), book.description(), book.version(),
					Timestamp.from(book.createdAt()), Timestamp.from(book.updatedAt()))
			.update();
	}

	/**
	 * @return whether the row was still at {@code decidedOn}, and now holds {@code book}
	 */
	boolean replace(BookSnapshot book, long decidedOn) {
		return jdbc
			.sql("""
					UPDATE book SET isbn = ?, title = ?, authors = ?::text[], publisher = ?, published_year = ?, language = ?,
					                description = ?, version = ?, updated_at = ?
					 WHERE id = ? AND version = ?""")
			.params(book.isbn(), book.title(), book.authors().toArray(String[]::new), book.publisher(),
					book.publishedYear(), book.language(), book.description(), book.version(),
					Timestamp.from(book.updatedAt()), book.id(), decidedOn)
			.update() == 1;
	}

	/**
	 * @return whether the row was still at {@code decidedOn}, and is now gone
	 */
	boolean delete(UUID id, long decidedOn) {
		return jdbc.sql("DELETE FROM book WHERE id = ? AND version = ?").params(id, decidedOn).update() == 1;
	}

}
