package org.library.catalog.messaging;

import java.util.Map;

import org.library.catalog.BookSnapshot;
import org.library.catalog.CatalogEvents.BookAdded;
import org.library.catalog.CatalogEvents.BookRemoved;
import org.library.catalog.CatalogEvents.BookUpdated;
import org.library.platform.audit.AuditTrail;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records every catalog change in the common audit trail, in the transaction of the
 * change.
 */
@Component
class AuditPublisher {

	private static final String BOOK = "Book";

	private final AuditTrail audit;

	AuditPublisher(AuditTrail audit) {
		this.audit = audit;
	}

	@EventListener
	void on(BookAdded event) {
		audit.record("BookAdded", BOOK, event.book().id().toString(), details(event.book()));
	}

	@EventListener
	void on(BookUpdated event) {
		audit.record("BookUpdated", BOOK, event.book().id().toString(), details(event.book()));
	}

	@EventListener
	void on(BookRemoved event) {
		audit.record("BookRemoved", BOOK, event.bookId().toString(), Map.of("isbn", event.isbn()));
	}

	private static Map<String, Object> details(BookSnapshot book) {
		return Map.of("isbn", book.isbn(), "title", book.title(), "version", book.version());
	}

}
