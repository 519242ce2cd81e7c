package org.library.inventory.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.library.inventory.Circulation;
import org.library.inventory.Hold;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Holds",
		description = "A reader's place in a book's queue, placed when no copy is on the shelf (POST /api/inventory/{bookId}/holds). WAITING with its position, then READY with the copy set aside until readyUntil; it ends FULFILLED by her loan, EXPIRED or CANCELLED.")
@RequestMapping(path = "/api/holds", produces = MediaType.APPLICATION_JSON_VALUE)
class HoldController {

	private final Circulation circulation;

	HoldController(Circulation circulation) {
		this.circulation = circulation;
	}

	@Operation(operationId = "getReaderHolds", summary = "See a reader's holds",
			description = "A reader sees her own (reader left out, or her own name); a librarian anyone's. The active holds: those READY for pickup first, then those WAITING, with their positions.")
	@ApiResponse(responseCode = "200", description = "The reader's active holds")
	@ApiResponse(responseCode = "400", description = "The reader is not a username")
	@ApiResponse(responseCode = "403", description = "A reader asked for another reader's holds")
	@GetMapping
	HoldList holds(
			@Parameter(description = "Whose holds: a username; the caller's own when left out") @RequestParam(
					required = false) @Pattern(regexp = Readers.NAME, message = Readers.NAME_MESSAGE) String reader,
			Authentication caller) {
		return new HoldList(circulation.holdsOf(reader, Readers.requester(caller)));
	}

	@Operation(operationId = "getHold", summary = "See a hold", description = "Its reader and librarians only.")
	@ApiResponse(responseCode = "200", description = "The hold")
	@ApiResponse(responseCode = "403", description = "The hold is another reader's")
	@ApiResponse(responseCode = "404", description = "There is no such hold")
	@GetMapping("/{holdId}")
	Hold hold(@PathVariable UUID holdId, Authentication caller) {
		return circulation.hold(holdId, Readers.requester(caller));
	}

	@Operation(operationId = "cancelHold", summary = "Cancel a hold",
			description = "Its reader or a librarian. A copy set aside for it goes to the next reader in the queue, or to the shelf.")
	@ApiResponse(responseCode = "200", description = "Cancelled: the hold")
	@ApiResponse(responseCode = "403", description = "The hold is another reader's")
	@ApiResponse(responseCode = "404", description = "There is no such hold")
	@ApiResponse(responseCode = "409", description = "The hold was fulfilled, expired or cancelled already")
	@PostMapping("/{holdId}/cancellation")
	Hold cancel(@PathVariable UUID holdId, Authentication caller) {
		return circulation.cancelHold(holdId, Readers.requester(caller));
	}

}
