package org.library.inventory.messaging;

import java.util.LinkedHashMap;
import java.util.Map;

import org.library.inventory.BookStock;
import org.library.inventory.Hold;
import org.library.inventory.Loan;
import org.library.inventory.InventoryEvents.BookWithdrawn;
import org.library.inventory.InventoryEvents.CopiesAdded;
import org.library.inventory.InventoryEvents.CopiesRemoved;
import org.library.inventory.InventoryEvents.HoldCancelled;
import org.library.inventory.InventoryEvents.HoldExpired;
import org.library.inventory.InventoryEvents.HoldPlaced;
import org.library.inventory.InventoryEvents.HoldReady;
import org.library.inventory.InventoryEvents.LoanOpened;
import org.library.inventory.InventoryEvents.LoanRenewed;
import org.library.inventory.InventoryEvents.LoanReturned;
import org.library.platform.audit.AuditTrail;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records every inventory change in the common audit trail, in the transaction of the
 * change, each under its book, so a book's story tells its loans and holds too. Loan and
 * hold events carry their own id and name their reader under {@code reader}, which the
 * trail keeps as a personal name it can erase.
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
	void on(LoanOpened event) {
		Map<String, Object> details = loan(event.loan());
		if (event.fulfilled() != null) {
			details.put("holdId", event.fulfilled().id().toString());
		}
		stock(details, event.stock());
		audit.record("LoanOpened", BOOK, event.loan().bookId().toString(), details);
	}

	@EventListener
	void on(LoanReturned event) {
		Map<String, Object> details = loan(event.loan());
		details.put("returnedAt", event.loan().returnedAt().toString());
		stock(details, event.stock());
		audit.record("LoanReturned", BOOK, event.loan().bookId().toString(), details);
	}

	@EventListener
	void on(LoanRenewed event) {
		audit.record("LoanRenewed", BOOK, event.loan().bookId().toString(), loan(event.loan()));
	}

	@EventListener
	void on(HoldPlaced event) {
		Map<String, Object> details = hold(event.hold());
		details.put("position", event.hold().position());
		audit.record("HoldPlaced", BOOK, event.hold().bookId().toString(), details);
	}

	@EventListener
	void on(HoldReady event) {
		Map<String, Object> details = hold(event.hold());
		details.put("readyUntil", event.hold().readyUntil().toString());
		audit.record("HoldReady", BOOK, event.hold().bookId().toString(), details);
	}

	@EventListener
	void on(HoldExpired event) {
		audit.record("HoldExpired", BOOK, event.hold().bookId().toString(), hold(event.hold()));
	}

	@EventListener
	void on(HoldCancelled event) {
		Map<String, Object> details = hold(event.hold());
		details.put("reason", event.by() == null ? "book withdrawn" : "cancelled");
		audit.record("HoldCancelled", BOOK, event.hold().bookId().toString(), details);
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
		stock(details, stock);
		audit.record(action, BOOK, stock.bookId().toString(), details);
	}

	private static void stock(Map<String, Object> details, BookStock stock) {
		details.put("totalCopies", stock.totalCopies());
		details.put("availableCopies", stock.availableCopies());
		details.put("heldCopies", stock.heldCopies());
		details.put("status", stock.status().name());
	}

	private static Map<String, Object> loan(Loan loan) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("loanId", loan.id().toString());
		details.put("reader", loan.reader());
		details.put("dueAt", loan.dueAt().toString());
		details.put("renewals", loan.renewals());
		return details;
	}

	private static Map<String, Object> hold(Hold hold) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("holdId", hold.id().toString());
		details.put("reader", hold.reader());
		return details;
	}

}
