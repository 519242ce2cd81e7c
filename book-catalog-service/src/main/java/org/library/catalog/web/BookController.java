package org.library.catalog.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.library.catalog.BookPage;
import org.library.catalog.BookQuery;
import org.library.catalog.BookSnapshot;
import org.library.catalog.Catalog;
import org.library.catalog.ExpectedVersions;
import org.library.platform.web.InvalidRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.resilience.annotation.ConcurrencyLimit;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

@RestController
@Tag(name = "Books",
		description = "The catalog: the books the library has. Anyone may browse it; librarians change it.")
@RequestMapping(path = "/api/books", produces = MediaType.APPLICATION_JSON_VALUE)
class BookController {

	private final Catalog catalog;

	BookController(Catalog catalog) {
		this.catalog = catalog;
	}

	@Operation(operationId = "addBook", summary = "Add a book to the catalog",
			description = "Librarians only. An ISBN-10 is stored as its ISBN-13. Answers with the book as stored, its Location and its ETag (the version, 0).")
	@ApiResponse(responseCode = "201", description = "The book as stored")
	@ApiResponse(responseCode = "409", description = "A book with this ISBN is already in the catalog")
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<BookSnapshot> add(@Valid @RequestBody BookRequest request) {
		BookSnapshot book = catalog.add(request.toDetails());
		// relative (RFC 9110 allows it): no Host or forwarded header a caller writes can
		// steer where it points
		URI location = URI.create("/api/books/" + book.id());
		return ResponseEntity.created(location).eTag(etag(book)).body(book);
	}

	@Operation(operationId = "searchBooks", summary = "Search the catalog",
			description = "Public. With q or author, a search ranked by relevance: every word given must begin a word of the title or of an author (title matches rank first), \"quoted words\" must follow each other, -word excludes, or offers another; q made of digits also finds the ISBNs that begin with them (hyphens allowed, an ISBN-10 finds its ISBN-13), and those come first; author narrows to the authors' words; case is folded. The first "
					+ BookQuery.RANKED
					+ " books found are ranked and can be paged through; when more match, totalIsExact is false: add a word. Without either, the catalog in title order, whose pages reach the first "
					+ BookQuery.BROWSED + " books.")
	@ApiResponse(responseCode = "200", description = "A page of books")
	@ApiResponse(responseCode = "400",
			description = "A parameter is out of range, or the page ends beyond the results that can be paged through")
	@ApiResponse(responseCode = "503",
			description = "The search took longer than the database's time limit; nothing was changed")
	// searches and browsing are public, so anyone can ask for many at once: at most this
	// many reach the database that every service shares, the rest wait their turn here
	@ConcurrencyLimit(limitString = "${library.catalog.concurrent-searches}")
	@GetMapping
	BookPage search(@RequestParam(required = false) @Size(max = 200) String q,
			@RequestParam(required = false) @Size(max = 200) String author,
			@Parameter(description = "The page, from 0; a page must end within the first " + BookQuery.RANKED
					+ " results of a search, or the first " + BookQuery.BROWSED + " books when browsing") @RequestParam(
							defaultValue = "0") @Min(0) @Max(BookQuery.BROWSED - 1) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		BookQuery query = new BookQuery(q, author, page, size);
		boolean searching = query.searches();
		int deepest = query.deepest();
		if ((long) page * size + size > deepest) {
			throw new InvalidRequest("page",
					"must end within the first " + deepest + (searching ? " results of a search" : " books")
							+ " (page × size + size at most " + deepest + ")"
							+ (searching ? ": add a word to the search instead" : ": search instead"));
		}
		return catalog.search(query);
	}

	@Operation(operationId = "getBook", summary = "Read a book",
			description = "Public. The book with its ETag; with If-None-Match naming the current version, 304 and no body.")
	@ApiResponse(responseCode = "200", description = "The book")
	@ApiResponse(responseCode = "304", description = "Not modified: If-None-Match names the current version")
	@ApiResponse(responseCode = "404", description = "No book has this id")
	@GetMapping("/{id}")
	ResponseEntity<BookSnapshot> get(@PathVariable UUID id, WebRequest request) {
		BookSnapshot book = catalog.find(id);
		if (request.checkNotModified(etag(book))) {
			return null;
		}
		return ResponseEntity.ok().eTag(etag(book)).body(book);
	}

	@Operation(operationId = "updateBook", summary = "Change a book",
			description = "Librarians only. Replaces the description; If-Match must name the version changed (an ETag from a read), so a change made meanwhile is never overwritten.")
	@ApiResponse(responseCode = "200", description = "The book as changed, with its new ETag")
	@ApiResponse(responseCode = "404", description = "No book has this id")
	@ApiResponse(responseCode = "409", description = "Another book has this ISBN")
	@ApiResponse(responseCode = "412", description = "The book has changed: If-Match names no current version")
	@ApiResponse(responseCode = "428", description = "If-Match is missing")
	@PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<BookSnapshot> update(@PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) List<String> ifMatch,
			@Valid @RequestBody BookRequest request) {
		if (ifMatch == null || ifMatch.stream().allMatch(String::isBlank)) {
			throw new VersionRequired();
		}
		BookSnapshot book = catalog.update(id, IfMatch.versions(ifMatch), request.toDetails());
		return ResponseEntity.ok().eTag(etag(book)).body(book);
	}

	@Operation(operationId = "removeBook", summary = "Remove a book from the catalog",
			description = "Librarians only. Its copies are withdrawn by the inventory and it stays flagged on reading lists. If-Match, when given, must name the current version.")
	@ApiResponse(responseCode = "204", description = "Removed")
	@ApiResponse(responseCode = "404", description = "No book has this id")
	@ApiResponse(responseCode = "412", description = "The book has changed: If-Match names no current version")
	@DeleteMapping("/{id}")
	ResponseEntity<Void> remove(@PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) List<String> ifMatch) {
		catalog.remove(id, ifMatch == null || ifMatch.stream().allMatch(String::isBlank) ? ExpectedVersions.ANY
				: IfMatch.versions(ifMatch));
		return ResponseEntity.noContent().build();
	}

	private static String etag(BookSnapshot book) {
		return "\"" + book.version() + "\"";
	}

}
