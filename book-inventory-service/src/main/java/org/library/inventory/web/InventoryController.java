package org.library.inventory.web;

import java.util.UUID;

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
@RequestMapping(path = "/api/inventory/{bookId}", produces = MediaType.APPLICATION_JSON_VALUE)
class InventoryController {

	private final Inventory inventory;

	InventoryController(Inventory inventory) {
		this.inventory = inventory;
	}

	@GetMapping
	BookStock get(@PathVariable UUID bookId) {
		return inventory.find(bookId);
	}

	@PostMapping(path = "/copies", consumes = MediaType.APPLICATION_JSON_VALUE)
	BookStock addCopies(@PathVariable UUID bookId, @Valid @RequestBody CopiesRequest request) {
		return inventory.addCopies(bookId, request.count());
	}

	@PostMapping(path = "/copies/removals", consumes = MediaType.APPLICATION_JSON_VALUE)
	BookStock removeCopies(@PathVariable UUID bookId, @Valid @RequestBody CopiesRequest request) {
		return inventory.removeCopies(bookId, request.count());
	}

	@PostMapping("/checkouts")
	@ResponseStatus(HttpStatus.CREATED)
	BookStock checkOut(@PathVariable UUID bookId) {
		return inventory.checkOut(bookId);
	}

	@PostMapping("/returns")
	BookStock giveBack(@PathVariable UUID bookId) {
		return inventory.takeBack(bookId);
	}

}
