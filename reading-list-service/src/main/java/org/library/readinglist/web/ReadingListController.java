package org.library.readinglist.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.library.readinglist.ReadingListItem;
import org.library.readinglist.ReadingListPage;
import org.library.readinglist.ReadingLists;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Reading list",
		description = "A reader's own list of books: only that reader, signed in, may read or change it.")
@RequestMapping(path = "/api/readers/{readerId}/reading-list", produces = MediaType.APPLICATION_JSON_VALUE)
class ReadingListController {

	/** Letters, digits and . _ @ -, at most 64: safe in a URL, a log line and a query. */
	static final String READER_ID = "[A-Za-z0-9._@-]{1,64}";

	static final String READER_ID_MESSAGE = "must be 1 to 64 letters, digits or . _ @ -";

	private final ReadingLists readingLists;

	ReadingListController(ReadingLists readingLists) {
		this.readingLists = readingLists;
	}

	@Operation(operationId = "getReadingList", summary = "Read a reading list",
			description = "The reader named by readerId only. A page of the list, newest first, each book with the catalog's description as the service last heard it.")
	@ApiResponse(responseCode = "200", description = "A page of the list (empty for a reader with none)")
	@GetMapping
	ReadingListPage list(@PathVariable @Pattern(regexp = READER_ID, message = READER_ID_MESSAGE) String readerId,
			@RequestParam(defaultValue = "0") @Min(0) @Max(1000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return readingLists.list(readerId, page, size);
	}

	@Operation(operationId = "listBook", summary = "Put a book on the list",
			description = "The reader only. Adds the book as WANT_TO_READ; when it is already there, changes nothing.")
	@ApiResponse(responseCode = "201", description = "Added")
	@ApiResponse(responseCode = "200", description = "Already on the list")
	@ApiResponse(responseCode = "404", description = "The catalog has no such book (as far as this service has heard)")
	@ApiResponse(responseCode = "409",
			description = "The book was removed from the catalog, or the list holds 1,000 books")
	@PutMapping("/{bookId}")
	ResponseEntity<ReadingListItem> add(
			@PathVariable @Pattern(regexp = READER_ID, message = READER_ID_MESSAGE) String readerId,
			@PathVariable UUID bookId) {
		ReadingLists.Added added = readingLists.add(readerId, bookId);
		return ResponseEntity.status(added.created() ? HttpStatus.CREATED : HttpStatus.OK).body(added.item());
	}

	@Operation(operationId = "changeReadingStatus", summary = "Change a book's reading status",
			description = "The reader only. Sets WANT_TO_READ, READING or FINISHED.")
	@ApiResponse(responseCode = "200", description = "The item after the change")
	@ApiResponse(responseCode = "404", description = "The book is not on the list")
	@PatchMapping(path = "/{bookId}", consumes = MediaType.APPLICATION_JSON_VALUE)
	ReadingListItem changeStatus(
			@PathVariable @Pattern(regexp = READER_ID, message = READER_ID_MESSAGE) String readerId,
			@PathVariable UUID bookId, @Valid @RequestBody StatusRequest request) {
		return readingLists.changeStatus(readerId, bookId, request.status());
	}

	@Operation(operationId = "unlistBook", summary = "Take a book off the list", description = "The reader only.")
	@ApiResponse(responseCode = "204", description = "Taken off")
	@ApiResponse(responseCode = "404", description = "The book is not on the list")
	@DeleteMapping("/{bookId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void remove(@PathVariable @Pattern(regexp = READER_ID, message = READER_ID_MESSAGE) String readerId,
			@PathVariable UUID bookId) {
		readingLists.remove(readerId, bookId);
	}

}
