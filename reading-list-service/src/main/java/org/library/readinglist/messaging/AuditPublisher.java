package org.library.readinglist.messaging;

import java.util.Map;

import org.library.platform.audit.AuditTrail;
import org.library.readinglist.ReadingListEvents.BookListed;
import org.library.readinglist.ReadingListEvents.BookUnlisted;
import org.library.readinglist.ReadingListEvents.ReadingStatusChanged;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records every reading-list change in the common audit trail, in the transaction of the
 * change. The entity is the book, so a book's story in the trail includes the lists it
 * went on; the reader is in the details.
 */
@Component
class AuditPublisher {

	private static final String ITEM = "ReadingListItem";

	private final AuditTrail audit;

	AuditPublisher(AuditTrail audit) {
		this.audit = audit;
	}

	@EventListener
	void on(BookListed event) {
		audit.record("BookListed", ITEM, event.bookId().toString(),
				Map.of("readerId", event.readerId(), "status", event.status().name()));
	}

	@EventListener
	void on(ReadingStatusChanged event) {
		audit.record("ReadingStatusChanged", ITEM, event.bookId().toString(),
				Map.of("readerId", event.readerId(), "from", event.from().name(), "to", event.to().name()));
	}

	@EventListener
	void on(BookUnlisted event) {
		audit.record("BookUnlisted", ITEM, event.bookId().toString(), Map.of("readerId", event.readerId()));
	}

}
