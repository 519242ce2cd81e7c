package org.library.inventory.messaging;

import java.util.LinkedHashMap;
import java.util.Map;

import org.library.inventory.BookStock;
import org.library.inventory.InventoryEvents.BookWithdrawn;
import org.library.inventory.InventoryEvents.CopiesAdded;
import org.library.inventory.InventoryEvents.CopiesRemoved;
import org.library.inventory.InventoryEvents.CopyCheckedOut;
import org.library.inventory.InventoryEvents.CopyReturned;
import org.library.platform.audit.AuditTrail;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records every inventory change in the common audit trail, in the transaction of the
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
	void on(CopiesAdded event) {
		record("CopiesAdded", event.stock(), event.count());
	}

	@EventListener
	void on(CopiesRemoved event) {
		record("CopiesRemoved", event.stock(), event.count());
	}

	@EventListener
	void on(CopyCheckedOut event) {
		record("CopyCheckedOut", event.stock(), 1);
	}

	@EventListener
	void on(CopyReturned event) {
		record("CopyReturned", event.stock(), 1);
	}

	@EventListener
	void on(BookWithdrawn event) {
		record("BookWithdrawn", event.stock(), 0);
	}

	private void record(String action, BookStock stock, int count) {
		Map<String, Object> details = new LinkedHashMap<>();
		if (count > 0) {
			details.put("count", count);
		}
		details.put("totalCopies", stock.totalCopies());
		details.put("availableCopies", stock.availableCopies());
		details.put("status", stock.status().name());
		audit.record(action, BOOK, stock.bookId().toString(), details);
	}

}
