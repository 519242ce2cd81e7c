package org.library.readinglist;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.library.readinglist.ReadingListEvents.BookListed;
import org.library.readinglist.ReadingListEvents.BookUnlisted;
import org.library.readinglist.ReadingListEvents.ReadingStatusChanged;
import org.library.readinglist.ReadingListRefusals.BookNotInCatalog;
import org.library.readinglist.ReadingListRefusals.BookRemovedFromCatalog;
import org.library.readinglist.ReadingListRefusals.NotOnList;
import org.library.readinglist.ReadingListRefusals.ReadingListFull;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Readers' lists, and the catalog replica that describes their books. Each change and its
 * event commit together.
 */
@Service
public class ReadingLists {

	/** So one reader cannot fill the database. */
	public static final int MAX_ITEMS = 1000;

	private final ReadingListItems items;

	private final CatalogReplica catalog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ReadingLists(ReadingListItems items, CatalogReplica catalog, ApplicationEventPublisher events, Clock clock) {
		this.items = items;
		this.catalog = catalog;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public ReadingListPage list(String readerId, int page, int size) {
		long total = items.count(readerId);
		List<ReadingListItem> shown = items.page(readerId, page, size);
		return new ReadingListPage(shown, page, size, total, (int) ((total + size - 1) / size));
	}

	/** The outcome of adding: the item, and whether it was new. */
	public record Added(ReadingListItem item, boolean created) {
	}

	/** Adds a book, once: adding it again answers the item already there. */
	@Transactional
	public Added add(String readerId, UUID bookId) {
		items.lock(readerId);
		var existing = items.find(readerId, bookId);
		if (existing.isPresent()) {
			return new Added(existing.get(), false);
		}
		var book = catalog.find(bookId).orElseThrow(() -> new BookNotInCatalog(bookId));
		if (book.removed()) {
			throw new BookRemovedFromCatalog(bookId);
		}
		if (items.count(readerId) >= MAX_ITEMS) {
			throw new ReadingListFull(readerId);
		}
		items.add(readerId, bookId, ReadingStatus.WANT_TO_READ, now());
		events.publishEvent(new BookListed(readerId, bookId, ReadingStatus.WANT_TO_READ));
		return new Added(items.find(readerId, bookId).orElseThrow(), true);
	}

	@Transactional
	public ReadingListItem changeStatus(String readerId, UUID bookId, ReadingStatus status) {
		ReadingStatus current = items.lockStatus(readerId, bookId).orElseThrow(() -> new NotOnList(readerId, bookId));
		if (current != status) {
			items.changeStatus(readerId, bookId, status, now());
			events.publishEvent(new ReadingStatusChanged(readerId, bookId, current, status));
		}
		return items.find(readerId, bookId).orElseThrow(() -> new NotOnList(readerId, bookId));
	}

	@Transactional
	public void remove(String readerId, UUID bookId) {
		if (!items.remove(readerId, bookId)) {
			throw new NotOnList(readerId, bookId);
		}
		events.publishEvent(new BookUnlisted(readerId, bookId));
	}

	/**
	 * The catalog published a snapshot of the book. Idempotent; an older snapshot than
	 * the copy's is ignored.
	 */
	@Transactional
	public void catalogSnapshot(UUID bookId, long version, String isbn, String title, List<String> authors) {
		catalog.upsert(bookId, version, isbn, title, authors);
	}

	/** The catalog removed the book: it stays on lists, flagged. Idempotent. */
	@Transactional
	public void catalogRemoved(UUID bookId) {
		catalog.markRemoved(bookId);
	}

	private Instant now() {
		return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
	}

}
