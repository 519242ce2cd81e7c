package org.library.inventory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.library.inventory.InventoryEvents.HoldCancelled;
import org.library.inventory.InventoryEvents.HoldExpired;
import org.library.inventory.InventoryEvents.HoldPlaced;
import org.library.inventory.InventoryEvents.LoanOpened;
import org.library.inventory.InventoryEvents.LoanRenewed;
import org.library.inventory.InventoryEvents.LoanReturned;
import org.library.inventory.InventoryRefusals.AlreadyBorrowed;
import org.library.inventory.InventoryRefusals.BookIsHeld;
import org.library.inventory.InventoryRefusals.BookIsWithdrawn;
import org.library.inventory.InventoryRefusals.BookNotKnown;
import org.library.inventory.InventoryRefusals.CopyOnTheShelf;
import org.library.inventory.InventoryRefusals.HoldAlreadyPlaced;
import org.library.inventory.InventoryRefusals.HoldClosed;
import org.library.inventory.InventoryRefusals.HoldNotKnown;
import org.library.inventory.InventoryRefusals.LoanAlreadyReturned;
import org.library.inventory.InventoryRefusals.LoanLimitReached;
import org.library.inventory.InventoryRefusals.LoanNotKnown;
import org.library.inventory.InventoryRefusals.NotYourHold;
import org.library.inventory.InventoryRefusals.NotYourLoan;
import org.library.inventory.InventoryRefusals.NotYourReader;
import org.library.inventory.InventoryRefusals.OverdueLoans;
import org.library.inventory.InventoryRefusals.RenewalLimitReached;
import org.library.inventory.Loans.Standing;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lends copies, takes them back and queues readers for them: the library's circulation
 * desk. A loan is taken from the stock by one conditional UPDATE and inserted in the same
 * transaction, so N copies make exactly N loans; a returned copy goes to the queue
 * ({@link HoldQueue}) before the shelf. Each change and its event commit together.
 */
@Service
public class Circulation {

	private final Stock stock;

	private final Loans loans;

	private final Holds holds;

	private final HoldQueue queue;

	private final CirculationRules rules;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Circulation(Stock stock, Loans loans, Holds holds, HoldQueue queue, CirculationRules rules, Clock clock,
			ApplicationEventPublisher events) {
		this.stock = stock;
		this.loans = loans;
		this.holds = holds;
		this.queue = queue;
		this.rules = rules;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Lends a copy of the book to the reader: the one set aside for her hold, or one from
	 * the shelf.
	 * @param named the reader a librarian lends to; a reader borrowing names herself or
	 * nobody
	 */
	@Transactional
	public Loan lend(UUID bookId, Requester requester, String named) {
		String reader = requester.readerFor(named);
		Instant now = clock.instant();
		loans.lockReader(reader);
		Standing standing = loans.standing(reader, bookId, now);
		if (standing.hasBook()) {
			throw new AlreadyBorrowed(reader, bookId);
		}
		if (standing.overdue()) {
			throw new OverdueLoans(reader);
		}
		if (standing.open() >= rules.maxOpenLoans()) {
			throw new LoanLimitReached(reader, rules.maxOpenLoans());
		}
		Optional<Hold> fulfilled = holds.fulfil(bookId, reader, now);
		BookStock after = (fulfilled.isPresent() ? stock.takeHeld(bookId) : stock.lendFromShelf(bookId))
			.orElseThrow(() -> current(bookId).whyNoLoan());
		Loan loan = loans.open(bookId, reader, requester.name(), now, now.plus(rules.loanPeriod()));
		events.publishEvent(new LoanOpened(loan, after, fulfilled.orElse(null)));
		return loan;
	}

	/** Takes the copy back: it goes to the first hold waiting, or to the shelf. */
	@Transactional
	public Loan giveBack(UUID loanId, Requester requester) {
		Instant now = clock.instant();
		Loan loan = yours(loanId, requester, now);
		Loan returned = loans.close(loanId, requester.name(), now).orElseThrow(() -> new LoanAlreadyReturned(loan));
		BookStock after = queue.copyReturned(loan.bookId(), now);
		events.publishEvent(new LoanReturned(returned, after));
		return returned;
	}

	/** Extends the loan by a loan period from now, unless another reader waits for it. */
	@Transactional
	public Loan renew(UUID loanId, Requester requester) {
		Instant now = clock.instant();
		Loan loan = yours(loanId, requester, now);
		if (!loan.open()) {
			throw new LoanAlreadyReturned(loan);
		}
		if (loan.renewals() >= rules.maxRenewals()) {
			throw new RenewalLimitReached(loan, rules.maxRenewals());
		}
		Loan renewed = loans.renew(loanId, now, now.plus(rules.loanPeriod()), rules.maxRenewals())
			.orElseThrow(() -> new BookIsHeld(loan));
		events.publishEvent(new LoanRenewed(renewed));
		return renewed;
	}

	@Transactional(readOnly = true)
	public Loan loan(UUID loanId, Requester requester) {
		return yours(loanId, requester, clock.instant());
	}

	/** The reader's open loans, the soonest due first. */
	@Transactional(readOnly = true)
	public List<Loan> loansOf(String reader, Requester requester) {
		return loans.openOf(theirs(reader, requester), clock.instant());
	}

	/** The reader's active holds, those ready for her first. */
	@Transactional(readOnly = true)
	public List<Hold> holdsOf(String reader, Requester requester) {
		return holds.activeOf(theirs(reader, requester));
	}

	/** The book's open loans, the oldest first. */
	@Transactional(readOnly = true)
	public List<Loan> loansOf(UUID bookId) {
		current(bookId);
		return loans.openOf(bookId, clock.instant());
	}

	/** The book's queue: holds ready for pickup, then those waiting, in order. */
	@Transactional(readOnly = true)
	public List<Hold> queueOf(UUID bookId) {
		current(bookId);
		return holds.queue(bookId);
	}

	/** Loans past their due date, the longest overdue first. */
	@Transactional(readOnly = true)
	public List<Loan> overdue(int limit) {
		return loans.overdue(clock.instant(), limit);
	}

	/**
	 * Queues the reader for the book, which has no copy on the shelf. Her place is taken
	 * under the book's row lock, so the queue is in the order holds were placed.
	 */
	@Transactional
	public Hold placeHold(UUID bookId, Requester requester, String named) {
		String reader = requester.readerFor(named);
		BookStock book = stock.lock(bookId).orElseThrow(() -> new BookNotKnown(bookId));
		// told under the lock, so the times holds were placed at are in queue order
		Instant now = clock.instant();
		if (book.status() == StockStatus.WITHDRAWN) {
			throw new BookIsWithdrawn(book);
		}
		if (book.availableCopies() > 0) {
			throw new CopyOnTheShelf(book);
		}
		if (loans.standing(reader, bookId, now).hasBook()) {
			throw new AlreadyBorrowed(reader, bookId);
		}
		holds.activeOf(bookId, reader).ifPresent(held -> {
			throw new HoldAlreadyPlaced(held);
		});
		Hold hold = holds.find(holds.place(bookId, reader, now)).orElseThrow();
		events.publishEvent(new HoldPlaced(hold));
		return hold;
	}

	/** Cancels the hold; a copy set aside for it goes to the next hold, or the shelf. */
	@Transactional
	public Hold cancelHold(UUID holdId, Requester requester) {
		Instant now = clock.instant();
		Hold hold = holds.find(holdId).orElseThrow(() -> new HoldNotKnown(holdId));
		if (!requester.mayActFor(hold.reader())) {
			throw new NotYourHold(holdId);
		}
		stock.lock(hold.bookId());
		Hold cancelled = holds.cancel(holdId, now).orElseThrow(() -> new HoldClosed(holds.find(holdId).orElseThrow()));
		if (cancelled.readyUntil() != null) {
			queue.copyFreed(hold.bookId(), now);
		}
		events.publishEvent(new HoldCancelled(cancelled, requester.name()));
		return cancelled;
	}

	@Transactional(readOnly = true)
	public Hold hold(UUID holdId, Requester requester) {
		Hold hold = holds.find(holdId).orElseThrow(() -> new HoldNotKnown(holdId));
		if (!requester.mayActFor(hold.reader())) {
			throw new NotYourHold(holdId);
		}
		return hold;
	}

	/** The ready holds whose pickup window has passed, at most {@code limit}. */
	@Transactional(readOnly = true)
	List<UUID> expiredHolds(int limit) {
		return holds.expired(clock.instant(), limit);
	}

	/**
	 * Expires the hold if its pickup window has passed and its reader has not borrowed
	 * the copy; the copy goes to the next hold, or the shelf.
	 * @return whether this expired it
	 */
	@Transactional
	boolean expire(UUID holdId) {
		Instant now = clock.instant();
		Optional<Hold> hold = holds.find(holdId);
		if (hold.isEmpty()) {
			return false;
		}
		stock.lock(hold.get().bookId());
		Optional<Hold> expired = holds.expire(holdId, now);
		expired.ifPresent(gone -> {
			queue.copyFreed(gone.bookId(), now);
			events.publishEvent(new HoldExpired(gone));
		});
		return expired.isPresent();
	}

	/**
	 * Forgets the readers of loans returned, and holds closed, longer ago than the
	 * retention period.
	 * @return how many loans and holds were anonymised
	 */
	@Transactional
	int anonymise() {
		Instant before = clock.instant().minus(rules.retention());
		return loans.anonymise(before) + holds.anonymise(before);
	}

	private Loan yours(UUID loanId, Requester requester, Instant now) {
		Loan loan = loans.find(loanId, now).orElseThrow(() -> new LoanNotKnown(loanId));
		if (!requester.mayActFor(loan.reader())) {
			throw new NotYourLoan(loanId);
		}
		return loan;
	}

	private static String theirs(String reader, Requester requester) {
		String whose = reader == null ? requester.name() : reader;
		if (!requester.mayActFor(whose)) {
			throw new NotYourReader(whose);
		}
		return whose;
	}

	private BookStock current(UUID bookId) {
		return stock.find(bookId).orElseThrow(() -> new BookNotKnown(bookId));
	}

}
