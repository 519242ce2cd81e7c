package org.library.inventory;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.library.inventory.InventoryEvents.HoldReady;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Where a copy goes when one is free: to the first hold waiting, set aside for its reader
 * for the pickup window, and only when nobody waits to the shelf. Every caller holds the
 * book's row lock, so two copies freed at once go to two holds, in queue order.
 */
@Component
class HoldQueue {

	private final Stock stock;

	private final Holds holds;

	private final CirculationRules rules;

	private final ApplicationEventPublisher events;

	HoldQueue(Stock stock, Holds holds, CirculationRules rules, ApplicationEventPublisher events) {
		this.stock = stock;
		this.holds = holds;
		this.rules = rules;
		this.events = events;
	}

	/** A copy came back from loan. Takes the book's row lock. */
	BookStock copyReturned(UUID bookId, Instant now) {
		stock.lock(bookId);
		Optional<BookStock> after = nextSetAside(bookId, now) ? stock.returnToHold(bookId)
				: stock.returnToShelf(bookId);
		return after.orElseThrow(() -> new IllegalStateException("A copy of book " + bookId
				+ " came back from loan, but the stock counts none out: it was changed outside the service"));
	}

	/**
	 * The hold a copy was set aside for closed (expired, cancelled): the copy goes on.
	 * The caller holds the book's row lock.
	 */
	BookStock copyFreed(UUID bookId, Instant now) {
		Optional<BookStock> after = nextSetAside(bookId, now) ? stock.find(bookId) : stock.heldToShelf(bookId, 1);
		return after.orElseThrow(() -> new IllegalStateException(
				"A copy of book " + bookId + " was set aside for a hold, but the stock counts none held"));
	}

	/**
	 * Copies were added to the shelf (the caller's UPDATE holds the row): holds first.
	 */
	BookStock copiesAdded(BookStock after, Instant now) {
		int setAside = 0;
		while (setAside < after.availableCopies() && nextSetAside(after.bookId(), now)) {
			setAside++;
		}
		return setAside == 0 ? after : stock.shelfToHold(after.bookId(), setAside).orElseThrow();
	}

	/** Sets a copy aside for the first hold waiting, if there is one. */
	private boolean nextSetAside(UUID bookId, Instant now) {
		// a waiting hold cancelled since it was found is skipped, and the next one taken
		for (Optional<UUID> first = holds.firstWaiting(bookId); first.isPresent(); first = holds.firstWaiting(bookId)) {
			Optional<Hold> ready = holds.setAside(first.get(), now.plus(rules.pickupWindow()));
			if (ready.isPresent()) {
				events.publishEvent(new HoldReady(ready.get()));
				return true;
			}
		}
		return false;
	}

}
