package org.library.catalog.messaging;

import org.library.catalog.CatalogEvents.BookAdded;
import org.library.catalog.CatalogEvents.BookRemoved;
import org.library.catalog.CatalogEvents.BookUpdated;
import org.library.contracts.Topics;
import org.library.platform.outbox.Outbox;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns catalog events into records of library.catalog.books, keyed by book id, through
 * the outbox: a snapshot for every add or update, a tombstone for a removal. Runs inside
 * the transaction of the change.
 */
@Component
class BookEventsPublisher {

	private static final String TYPE_PREFIX = "org.library.catalog.";

	private final Outbox outbox;

	BookEventsPublisher(Outbox outbox) {
		this.outbox = outbox;
	}

	@EventListener
	void on(BookAdded event) {
		outbox.publish(Topics.CATALOG_BOOKS, event.book().id().toString(), TYPE_PREFIX + "BookAdded", event.book());
	}

	@EventListener
	void on(BookUpdated event) {
		outbox.publish(Topics.CATALOG_BOOKS, event.book().id().toString(), TYPE_PREFIX + "BookUpdated", event.book());
	}

	@EventListener
	void on(BookRemoved event) {
		outbox.publishTombstone(Topics.CATALOG_BOOKS, event.bookId().toString(), TYPE_PREFIX + "BookRemoved");
	}

}
