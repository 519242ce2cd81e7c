package org.library.readinglist.web;

import java.util.UUID;

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
@RequestMapping(path = "/api/readers/{readerId}/reading-list", produces = MediaType.APPLICATION_JSON_VALUE)
class ReadingListController {

	/** Letters, digits and . _ @ -, at most 64: safe in a URL, a log line and a query. */
	static final String READER_ID = "[A-Za-z0-9._@-]{1,64}";

	static final String READER_ID_MESSAGE = "must be 1 to 64 letters, digits or . _ @ -";

	private final ReadingLists readingLists;

	ReadingListController(ReadingLists readingLists) {
		this.readingLists = readingLists;
	}

	@GetMapping
	ReadingListPage list(@PathVariable @Pattern(regexp = READER_ID, message = READER_ID_MESSAGE) String readerId,
			@RequestParam(defaultValue = "0") @Min(0) @Max(1000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return readingLists.list(readerId, page, size);
	}

	@PutMapping("/{bookId}")
	ResponseEntity<ReadingListItem> add(
			@PathVariable @Pattern(regexp = READER_ID, message = READER_ID_MESSAGE) String readerId,
			@PathVariable UUID bookId) {
		ReadingLists.Added added = readingLists.add(readerId, bookId);
		return ResponseEntity.status(added.created() ? HttpStatus.CREATED : HttpStatus.OK).body(added.item());
	}

	@PatchMapping(path = "/{bookId}", consumes = MediaType.APPLICATION_JSON_VALUE)
	ReadingListItem changeStatus(
			@PathVariable @Pattern(regexp = READER_ID, message = READER_ID_MESSAGE) String readerId,
			@PathVariable UUID bookId, @Valid @RequestBody StatusRequest request) {
		return readingLists.changeStatus(readerId, bookId, request.status());
	}

	@DeleteMapping("/{bookId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void remove(@PathVariable @Pattern(regexp = READER_ID, message = READER_ID_MESSAGE) String readerId,
			@PathVariable UUID bookId) {
		readingLists.remove(readerId, bookId);
	}

}
