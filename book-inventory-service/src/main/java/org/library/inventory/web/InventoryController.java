package org.library.inventory.web;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.library.inventory.BookStock;
import org.library.inventory.Circulation;
import org.library.inventory.Hold;
import org.library.inventory.Inventory;
import org.library.inventory.Loan;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Inventory",
		description = "The copies of each book the catalog has: how many exist, how many are on the shelf, set aside for holds and on loan; the book's loans and hold queue. Anyone may see availability.")
@RequestMapping(path = "/api/inventory/{bookId}", produces = MediaType.APPLICATION_JSON_VALUE)
class InventoryController {

	private final Inventory inventory;

	private final Circulation circulation;

	InventoryController(Inventory inventory, Circulation circulation) {
		this.inventory = inventory;
		this.circulation = circulation;
	}

	@Operation(operationId = "getStock", summary = "See a book's copies",
			description = "Public. How many copies the library has, how many are on the shelf (availableCopies), set aside for readers whose holds came up (heldCopies) and on loan, and whether the book is still in the catalog (ACTIVE) or was removed from it (WITHDRAWN).")
	@ApiResponse(responseCode = "200", description = "The book's stock")
	@ApiResponse(responseCode = "404",
			description = "The inventory has never seen this book: the catalog has no such book, or has not said so yet")
	@GetMapping
	BookStock get(@PathVariable UUID bookId) {
		return inventory.find(bookId);
	}

	@Operation(operationId = "addCopies", summary = "Add copies",
			description = "Librarians only. Adds 1 to 1000 copies to stock; while readers wait in the book's queue, the new copies are set aside for them first.")
	@ApiResponse(responseCode = "200", description = "The book's stock after the change")
	@ApiResponse(responseCode = "404", description = "The inventory has never seen this book")
	@ApiResponse(responseCode = "409", description = "The book is withdrawn, or would hold more than 100,000 copies")
	@PostMapping(path = "/copies", consumes = MediaType.APPLICATION_JSON_VALUE)
	BookStock addCopies(@PathVariable UUID bookId, @Valid @RequestBody CopiesRequest request) {
		return inventory.addCopies(bookId, request.count());
	}

	@Operation(operationId = "removeCopies", summary = "Take copies out of stock",
			description = "Librarians only. Takes 1 to 1000 copies out of stock (lost, damaged); only copies on the shelf, never one on loan or set aside for a hold.")
	@ApiResponse(responseCode = "200", description = "The book's stock after the change")
	@ApiResponse(responseCode = "404", description = "The inventory has never seen this book")
	@ApiResponse(responseCode = "409", description = "Fewer copies are on the shelf than would be taken")
	@PostMapping(path = "/copies/removals", consumes = MediaType.APPLICATION_JSON_VALUE)
	BookStock removeCopies(@PathVariable UUID bookId, @Valid @RequestBody CopiesRequest request) {
		return inventory.removeCopies(bookId, request.count());
	}

	@Operation(operationId = "lend", summary = "Lend a copy",
			description = "Readers borrow for themselves (no body, or their own name as reader); librarians lend to the reader they name. Lends the copy set aside for the reader's hold, or one from the shelf; however many callers race for the last copy, it is lent once. The loan is due a loan period (21 days by default) from now. Refused while the reader has an overdue loan, has as many loans as a reader may (5 by default), or has this book on loan already.")
	@ApiResponse(responseCode = "201", description = "Lent: the loan, at the Location header")
	@ApiResponse(responseCode = "400", description = "A librarian named no reader, or the name is not a username")
	@ApiResponse(responseCode = "403", description = "A reader named another reader")
	@ApiResponse(responseCode = "404", description = "The inventory has never seen this book")
	@ApiResponse(responseCode = "409",
			description = "No copy is on the shelf (place a hold), the book is withdrawn, or the reader may not borrow now (overdue, loan limit, already borrowed)")
	@PostMapping("/loans")
	ResponseEntity<Loan> lend(@PathVariable UUID bookId, @Valid @RequestBody(required = false) ReaderRequest request,
			Authentication caller) {
		Loan loan = circulation.lend(bookId, Readers.requester(caller), request == null ? null : request.reader());
		return ResponseEntity.created(URI.create("/api/loans/" + loan.id())).body(loan);
	}

	@Operation(operationId = "getBookLoans", summary = "See who has the book's copies",
			description = "Librarians only. The book's open loans, the oldest first.")
	@ApiResponse(responseCode = "200", description = "The open loans")
	@ApiResponse(responseCode = "404", description = "The inventory has never seen this book")
	@GetMapping("/loans")
	LoanList loans(@PathVariable UUID bookId) {
		return new LoanList(circulation.loansOf(bookId));
	}

	@Operation(operationId = "placeHold", summary = "Place a hold",
			description = "Readers for themselves (no body, or their own name as reader); librarians for the reader they name. Only when no copy is on the shelf. The hold joins the book's queue; the answer gives its position. A copy coming back, or added, goes to the first hold in the queue, which is then READY until its pickup window (3 days by default) ends.")
	@ApiResponse(responseCode = "201", description = "Placed: the hold and its position, at the Location header")
	@ApiResponse(responseCode = "400", description = "A librarian named no reader, or the name is not a username")
	@ApiResponse(responseCode = "403", description = "A reader named another reader")
	@ApiResponse(responseCode = "404", description = "The inventory has never seen this book")
	@ApiResponse(responseCode = "409",
			description = "A copy is on the shelf (borrow it), the book is withdrawn, or the reader holds or has borrowed it already")
	@PostMapping("/holds")
	ResponseEntity<Hold> placeHold(@PathVariable UUID bookId,
			@Valid @RequestBody(required = false) ReaderRequest request, Authentication caller) {
		Hold hold = circulation.placeHold(bookId, Readers.requester(caller), request == null ? null : request.reader());
		return ResponseEntity.created(URI.create("/api/holds/" + hold.id())).body(hold);
	}

	@Operation(operationId = "getBookQueue", summary = "See the book's hold queue",
			description = "Librarians only. The holds READY for pickup, then those WAITING, in queue order.")
	@ApiResponse(responseCode = "200", description = "The queue")
	@ApiResponse(responseCode = "404", description = "The inventory has never seen this book")
	@GetMapping("/holds")
	HoldList queue(@PathVariable UUID bookId) {
		return new HoldList(circulation.queueOf(bookId));
	}

}
