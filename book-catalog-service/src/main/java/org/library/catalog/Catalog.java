package org.library.catalog;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.library.catalog.CatalogEvents.BookAdded;
import org.library.catalog.CatalogEvents.BookRemoved;
import org.library.catalog.CatalogEvents.BookUpdated;
import org.library.catalog.CatalogProblems.BookNotFound;
import org.library.catalog.CatalogProblems.DuplicateIsbn;
import org.library.catalog.CatalogProblems.StaleBookVersion;

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

	private final Books books;

	private final BookSearch search;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Catalog(Books books, BookSearch search, ApplicationEventPublisher events) {
		this.books = books;
		this.search = search;
		this.events = events;
		this.clock = Clock.systemUTC();
	}

	@Transactional
	public BookSnapshot add(BookDetails details) {
		if (books.existsByIsbn(details.isbn().value())) {
			throw new DuplicateIsbn(details.isbn());
		}
		Book book = new Book(UUID.randomUUID(), details, now());
		try {
			// flush here: a concurrent add of the same ISBN loses on the unique constraint, inside this method
			books.saveAndFlush(book);
		}
		catch (DataIntegrityViolationException ex) {
			throw new DuplicateIsbn(details.isbn());
		}
		BookSnapshot snapshot = book.snapshot();
		events.publishEvent(new BookAdded(snapshot));
		return snapshot;
	}

	@Transactional(readOnly = true)
	public BookSnapshot find(UUID id) {
		return load(id).snapshot();
	}

	@Transactional(readOnly = true)
	public BookPage search(BookQuery query) {
		return search.find(query);
	}

	/**
	 * Replaces the description of a book, if it is still at {@code expectedVersion} ({@code null}: any).
	 */
	@Transactional
	public BookSnapshot update(UUID id, Long expectedVersion, BookDetails details) {
		Book book = load(id);
		if (expectedVersion != null && book.version() != expectedVersion) {
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
			throw new DuplicateIsbn(details.isbn());
		}
		BookSnapshot snapshot = book.snapshot();
		events.publishEvent(new BookUpdated(snapshot));
		return snapshot;
	}

	@Transactional
	public void remove(UUID id, Long expectedVersion) {
		Book book = load(id);
		if (expectedVersion != null && book.version() != expectedVersion) {
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

	private Book load(UUID id) {
		return books.findById(id).orElseThrow(() -> new BookNotFound(id));
	}

	private Instant now() {
		// Postgres keeps microseconds: the answer to a write must equal what a later read returns
		return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
	}

}
