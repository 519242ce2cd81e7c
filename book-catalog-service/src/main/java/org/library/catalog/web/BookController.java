package org.library.catalog.web;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.library.catalog.BookPage;
import org.library.catalog.BookQuery;
import org.library.catalog.BookSnapshot;
import org.library.catalog.Catalog;
import org.library.catalog.CatalogProblems.StaleBookVersion;
import org.library.catalog.CatalogProblems.VersionRequired;

import org.springframework.http.HttpHeaders;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping(path = "/api/books", produces = MediaType.APPLICATION_JSON_VALUE)
class BookController {

	private final Catalog catalog;

	BookController(Catalog catalog) {
		this.catalog = catalog;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<BookSnapshot> add(@Valid @RequestBody BookRequest request) {
		BookSnapshot book = catalog.add(request.toDetails());
		URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(book.id()).toUri();
		return ResponseEntity.created(location).eTag(etag(book)).body(book);
	}

	@GetMapping
	BookPage search(@RequestParam(required = false) @Size(max = 200) String q,
			@RequestParam(required = false) @Size(max = 200) String author,
			@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return catalog.search(new BookQuery(q, author, page, size));
	}

	@GetMapping("/{id}")
	ResponseEntity<BookSnapshot> get(@PathVariable UUID id, WebRequest request) {
		BookSnapshot book = catalog.find(id);
		if (request.checkNotModified(etag(book))) {
			return null;
		}
		return ResponseEntity.ok().eTag(etag(book)).body(book);
	}

	@PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<BookSnapshot> update(@PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody BookRequest request) {
		if (ifMatch == null || ifMatch.isBlank()) {
			throw new VersionRequired();
		}
		BookSnapshot book = catalog.update(id, expectedVersion(id, ifMatch), request.toDetails());
		return ResponseEntity.ok().eTag(etag(book)).body(book);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> remove(@PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		catalog.remove(id, ifMatch == null || ifMatch.isBlank() ? null : expectedVersion(id, ifMatch));
		return ResponseEntity.noContent().build();
	}

	private static String etag(BookSnapshot book) {
		return "\"" + book.version() + "\"";
	}

	/**
	 * The version an If-Match names: {@code "3"} is version 3, {@code *} is any. Anything else cannot match
	 * a current version, so it is stale.
	 */
	private static Long expectedVersion(UUID id, String ifMatch) {
		String tag = ifMatch.strip();
		if (tag.equals("*")) {
			return null;
		}
		if (tag.matches("\"[0-9]{1,18}\"")) {
			return Long.parseLong(tag.substring(1, tag.length() - 1));
		}
		throw new StaleBookVersion(id);
	}

}
