package org.library.inventory.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.library.inventory.BookStock;
import org.library.inventory.Inventory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Inventory",
		description = "The copies of each book the catalog has: how many exist, how many are on loan. Anyone may see availability.")
@RequestMapping(path = "/api/inventory/{bookId}", produces = MediaType.APPLICATION_JSON_VALUE)
class InventoryController {

	private final Inventory inventory;

	InventoryController(Inventory inventory) {
		this.inventory = inventory;
	}

	@Operation(operationId = "getStock", summary = "See a book's copies",
			description = "Public. How many copies the library has, how many are available and on loan, and whether the book is still in the catalog (ACTIVE) or was removed from it (WITHDRAWN).")
	@ApiResponse(responseCode = "200", description = "The book's stock")
	@ApiResponse(responseCode = "404",
			description = "The inventory has never seen this book: the catalog has no such book, or has not said so yet")
	@GetMapping
	BookStock get(@PathVariable UUID bookId) {
		return inventory.find(bookId);
	}

	@Operation(operationId = "addCopies", summary = "Add copies",
			description = "Librarians only. Adds 1 to 1000 copies to stock.")
	@ApiResponse(responseCode = "200", description = "The book's stock after the change")
	@ApiResponse(responseCode = "404", description = "The inventory has never seen this book")
	@ApiResponse(responseCode = "409", description = "The book is withdrawn, or would hold more than 100,000 copies")
	@PostMapping(path = "/copies", consumes = MediaType.APPLICATION_JSON_VALUE)
	BookStock addCopies(@PathVariable UUID bookId, @Valid @RequestBody CopiesRequest request) {
		return inventory.addCopies(bookId, request.count());
	}

	@Operation(operationId = "removeCopies", summary = "Take copies out of stock",
			description = "Librarians only. Takes 1 to 1000 copies out of stock (lost, damaged); never a copy on loan.")
	@ApiResponse(responseCode = "200", description = "The book's stock after the change")
	@ApiResponse(responseCode = "404", description = "The inventory has never seen this book")
	@ApiResponse(responseCode = "409", description = "Fewer copies are on the shelf than would be taken")
	@PostMapping(path = "/copies/removals", consumes = MediaType.APPLICATION_JSON_VALUE)
	BookStock removeCopies(@PathVariable UUID bookId, @Valid @RequestBody CopiesRequest request) {
		return inventory.removeCopies(bookId, request.count());
	}

	@Operation(operationId = "checkOut", summary = "Lend a copy",
			description = "Librarians and readers. Lends one copy; however many callers race for the last one, it is lent once.")
	@ApiResponse(responseCode = "201", description = "Lent: the book's stock after the change")
	@ApiResponse(responseCode = "404", description = "The inventory has never seen this book")
	@ApiResponse(responseCode = "409", description = "No copy is available, or the book is withdrawn")
	@PostMapping("/checkouts")
	@ResponseStatus(HttpStatus.CREATED)
	BookStock checkOut(@PathVariable UUID bookId) {
		return inventory.checkOut(bookId);
	}

	@Operation(operationId = "returnCopy", summary = "Return a copy",
			description = "Librarians and readers. Returns one copy to the shelf, withdrawn books included.")
	@ApiResponse(responseCode = "200", description = "Returned: the book's stock after the change")
	@ApiResponse(responseCode = "404", description = "The inventory has never seen this book")
	@ApiResponse(responseCode = "409", description = "No copy of this book is on loan")
	@PostMapping("/returns")
	BookStock returnCopy(@PathVariable UUID bookId) {
		return inventory.returnCopy(bookId);
	}

}
