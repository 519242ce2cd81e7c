package org.library.catalog.web;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.hibernate.validator.constraints.ISBN;
import org.library.catalog.BookDetails;
import org.library.catalog.Isbn;

/**
 * A book as a caller describes it, to add or to replace. The ISBN's shape and check digit
 * are checked here, so {@link #toDetails()} always reads one.
 */
record BookRequest(@NotBlank @Size(max = 20) @Pattern(regexp = Isbn.WRITTEN,
		message = "must be an ISBN-10 or an ISBN-13 (978 or 979 first), a hyphen or space allowed between digits") @ISBN(
				type = ISBN.Type.ANY,
				message = "must be a valid ISBN-10 or ISBN-13 (check digit included)") String isbn,
		@NotBlank @Size(max = 500) String title,
		@NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 200) String> authors, @Size(max = 200) String publisher,
		@Min(1450) @Max(2100) Integer publishedYear,
		@Size(max = 35) @Pattern(regexp = "[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*",
				message = "must be a language tag such as en or pt-BR") String language,
		@Size(max = 10000) String description) {

	BookDetails toDetails() {
		return new BookDetails(new Isbn(Isbn.parse(isbn).orElseThrow()), title.strip(),
				authors.stream().map(String::strip).toList(), publisher, publishedYear, language, description);
	}

}
