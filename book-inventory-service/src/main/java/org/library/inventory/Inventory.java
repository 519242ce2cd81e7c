package org.library.inventory;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.library.inventory.InventoryEvents.BookWithdrawn;
import org.library.inventory.InventoryEvents.CopiesAdded;
import org.library.inventory.InventoryEvents.CopiesRemoved;
import org.library.inventory.InventoryEvents.HoldCancelled;
import org.library.inventory.InventoryRefusals.BookNotKnown;
import org.library.inventory.InventoryRefusals.CopiesOnLoan;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The copies of each book, and the catalog's books followed; {@link Circulation} lends
 * them. Each change and its event commit together. When a change is refused, the row as
 * it is then says why.
 */
@Service
public class Inventory {

	private final Stock stock;

	private final Holds holds;

	private final HoldQueue queue;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Inventory(Stock stock, Holds holds, HoldQueue queue, Clock clock, ApplicationEventPublisher events) {
		this.stock = stock;
		this.holds = holds;
		this.queue = queue;
		this.clock = clock;
		this.events = events;
	}

	@Transactional(readOnly = true)
	public BookStock find(UUID bookId) {
		return current(bookId);
	}

	@Transactional
	public BookStock addCopies(UUID bookId, int count) {
		BookStock added = stock.addCopies(bookId, count).orElseThrow(() -> current(bookId).whyNoCopiesAdded(count));
		// readers waiting for the book get the new copies before the shelf does
		BookStock after = queue.copiesAdded(added, clock.instant());
		events.publishEvent(new CopiesAdded(after, count));
		return after;
	}

	@Transactional
	public BookStock removeCopies(UUID bookId, int count) {
		BookStock after = stock.removeCopies(bookId, count).orElseThrow(() -> new CopiesOnLoan(current(bookId), count));
		events.publishEvent(new CopiesRemoved(after, count));
		return after;
	}

	/** The catalog published the book: it is known from now on. Idempotent. */
	@Transactional
	public void bookPublished(UUID bookId) {
		stock.register(bookId);
	}

	/**
	 * The catalog removed the book: no new loans, returns still accepted, and its queue
	 * is cancelled (copies set aside go back to the shelf). Idempotent.
	 */
	@Transactional
	public void bookRemoved(UUID bookId) {
		stock.withdraw(bookId).ifPresent(withdrawn -> {
			List<Hold> cancelled = holds.cancelAll(bookId, clock.instant());
			cancelled.forEach(hold -> events.publishEvent(new HoldCancelled(hold, null)));
			int setAside = (int) cancelled.stream().filter(hold -> hold.readyUntil() != null).count();
			events.publishEvent(
					new BookWithdrawn(setAside == 0 ? withdrawn : stock.heldToShelf(bookId, setAside).orElseThrow()));
		});
	}

	private BookStock current(UUID bookId) {
		return stock.find(bookId).orElseThrow(() -> new BookNotKnown(bookId));
	}

}
