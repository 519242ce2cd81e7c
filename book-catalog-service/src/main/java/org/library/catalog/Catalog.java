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
import org.springframework.dao.OptimisticLockingFailureException;
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
		if (books.existsByIsbn(details.isbn().value())) {
			throw new DuplicateIsbn(details.isbn());
		}
		Book book = new Book(UUID.randomUUID(), details, now());
		try {
			// flush here: a concurrent add of the same ISBN loses on the unique
			// constraint, inside this method
			books.saveAndFlush(book);
		}
		catch (DataIntegrityViolationException ex) {
			throw duplicateIsbnOr(ex, details);
		}
		BookSnapshot snapshot = book.snapshot();
		events.publishEvent(new BookAdded(snapshot));
		return snapshot;
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
		Book book = load(id);
		if (!expected.admits(book.version())) {
			throw new StaleBookVersion(id);
		}
		if (books.existsByIsbnAndIdNot(details.isbn().value(), id)) {
			throw new DuplicateIsbn(details.isbn());
		}
		book.describe(details, now());
		try {
			books.saveAndFlush(book);
		}
		catch (OptimisticLockingFailureException ex) {
			throw new StaleBookVersion(id);
		}
		catch (DataIntegrityViolationException ex) {
			throw duplicateIsbnOr(ex, details);
		}
		BookSnapshot snapshot = book.snapshot();
		events.publishEvent(new BookUpdated(snapshot));
		return snapshot;
	}

	@Transactional
	public void remove(UUID id, ExpectedVersions expected) {
		Book book = load(id);
		if (!expected.admits(book.version())) {
			throw new StaleBookVersion(id);
		}
		BookSnapshot last = book.snapshot();
		books.delete(book);
		try {
			books.flush();
		}
		catch (OptimisticLockingFailureException ex) {
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

	private Book load(UUID id) {
		return books.findById(id).orElseThrow(() -> new BookNotFound(id));
	}

	private Instant now() {
		// Postgres keeps microseconds: the answer to a write must equal what a later read
		// returns
		return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
	}

}
