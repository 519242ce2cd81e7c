package org.library.inventory;

import java.util.UUID;

import org.library.inventory.InventoryEvents.BookWithdrawn;
import org.library.inventory.InventoryEvents.CopiesAdded;
import org.library.inventory.InventoryEvents.CopiesRemoved;
import org.library.inventory.InventoryEvents.CopyCheckedOut;
import org.library.inventory.InventoryEvents.CopyReturned;
import org.library.inventory.InventoryRefusals.BookNotKnown;
import org.library.inventory.InventoryRefusals.CopiesOnLoan;
import org.library.inventory.InventoryRefusals.NoCopyOnLoan;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lends and takes back copies, and follows the catalog. Each change and its event commit
 * together. When a change is refused, the row as it is then says why.
 */
@Service
public class Inventory {

	private final Stock stock;

	private final ApplicationEventPublisher events;

	Inventory(Stock stock, ApplicationEventPublisher events) {
		this.stock = stock;
		this.events = events;
	}

	@Transactional(readOnly = true)
	public BookStock find(UUID bookId) {
		return current(bookId);
	}

	@Transactional
	public BookStock addCopies(UUID bookId, int count) {
		BookStock after = stock.addCopies(bookId, count).orElseThrow(() -> current(bookId).whyNoCopiesAdded(count));
		events.publishEvent(new CopiesAdded(after, count));
		return after;
	}

	@Transactional
	public BookStock removeCopies(UUID bookId, int count) {
		BookStock after = stock.removeCopies(bookId, count).orElseThrow(() -> new CopiesOnLoan(current(bookId), count));
		events.publishEvent(new CopiesRemoved(after, count));
		return after;
	}

	@Transactional
	public BookStock checkOut(UUID bookId) {
		BookStock after = stock.checkOut(bookId).orElseThrow(() -> current(bookId).whyNoCheckout());
		events.publishEvent(new CopyCheckedOut(after));
		return after;
	}

	@Transactional
	public BookStock returnCopy(UUID bookId) {
		BookStock after = stock.returnCopy(bookId).orElseThrow(() -> new NoCopyOnLoan(current(bookId)));
		events.publishEvent(new CopyReturned(after));
		return after;
	}

	/** The catalog published the book: it is known from now on. Idempotent. */
	@Transactional
	public void bookPublished(UUID bookId) {
		stock.register(bookId);
	}

	/** The catalog removed the book: no new loans, returns still accepted. Idempotent. */
	@Transactional
	public void bookRemoved(UUID bookId) {
		stock.withdraw(bookId).ifPresent(withdrawn -> events.publishEvent(new BookWithdrawn(withdrawn)));
	}

	private BookStock current(UUID bookId) {
		return stock.find(bookId).orElseThrow(() -> new BookNotKnown(bookId));
	}

}
