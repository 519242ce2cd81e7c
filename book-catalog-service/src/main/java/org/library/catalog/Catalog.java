package org.library.catalog;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.library.catalog.CatalogEvents.BookAdded;
import org.library.catalog.CatalogEvents.BookRemoved;
import org.library.catalog.CatalogEvents.BookUpdated;
import org.library.catalog.CatalogRefusals.BookNotFound;
import org.library.catalog.CatalogRefusals.DuplicateIsbn;
import org.library.catalog.CatalogRefusals.StaleBookVersion;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds, describes and removes books. Each change and its event commit together.
 */
@Service
public class Catalog {

	/** The constraint that keeps one book per ISBN (V1__create_book.sql). */
	static final String ISBN_UNIQUE = "book_isbn_unique";

	private final Books books;

	private final BookSearch search;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Catalog(Books books, BookSearch search, ApplicationEventPublisher events, Clock clock) {
		this.books = books;
		this.search = search;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public BookSnapshot add(BookDetails details) {
		UUID id = UUID.randomUUID();
		if (books.isbnTaken(details.isbn().value(), id)) {
			throw new DuplicateIsbn(details.isbn());
		}
		Instant now = now();
		BookSnapshot book = details.describing(id, 0, now, now);
		try {
			// a concurrent add of the same ISBN loses on the unique constraint, here
			books.insert(book);
		}
		catch (DataIntegrityViolationException ex) {
			throw duplicateIsbnOr(ex, details);
		}
		events.publishEvent(new BookAdded(book));
		return book;
	}

	public BookSnapshot find(UUID id) {
		return search.byId(id).orElseThrow(() -> new BookNotFound(id));
	}

	@Transactional(readOnly = true)
	public BookPage search(BookQuery query) {
		return search.find(query);
	}

	/**
	 * Replaces the description of a book, if its version is one the caller expects. An
	 * unknown book is {@link BookNotFound} whatever the caller expected.
	 */
	@Transactional
	public BookSnapshot update(UUID id, ExpectedVersions expected, BookDetails details) {
		BookSnapshot read = load(id);
		if (!expected.admits(read.version())) {
			throw new StaleBookVersion(id);
		}
		if (books.isbnTaken(details.isbn().value(), id)) {
			throw new DuplicateIsbn(details.isbn());
		}
		BookSnapshot book = details.describing(id, read.version() + 1, read.createdAt(), now());
		boolean replaced;
		try {
			replaced = books.replace(book, read.version());
		}
		catch (DataIntegrityViolationException ex) {
			throw duplicateIsbnOr(ex, details);
		}
		if (!replaced) {
			// changed or removed since it was read
			throw new StaleBookVersion(id);
		}
		events.publishEvent(new BookUpdated(book));
		return book;
	}

	@Transactional
	public void remove(UUID id, ExpectedVersions expected) {
		BookSnapshot last = load(id);
		if (!expected.admits(last.version()) || !books.delete(id, last.version())) {
			throw new StaleBookVersion(id);
		}
		events.publishEvent(new BookRemoved(id, last.isbn()));
	}

	/**
	 * A duplicate ISBN only when the ISBN's unique constraint says so; any other
	 * violation is not the caller's conflict, and is not dressed up as one.
	 */
	private static RuntimeException duplicateIsbnOr(DataIntegrityViolationException ex, BookDetails details) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())
					&& String.valueOf(sql.getMessage()).contains(ISBN_UNIQUE)) {
				return new DuplicateIsbn(details.isbn());
			}
		}
		return ex;
	}

	private BookSnapshot load(UUID id) {
		return search.byId(id).orElseThrow(() -> new BookNotFound(id));
	}

	private Instant now() {
		// Postgres keeps microseconds: the answer to a write must equal what a later read
		// returns
		return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
	}

}
