package org.library.catalog.web;

import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ISBN at the edge, without a server: Hibernate Validator's {@code @ISBN} checks the
 * check digit, and the pattern the {@code Isbn} value object reads checks the rest
 * ({@code @ISBN} alone drops every character that is not a digit or X, and takes any
 * 13-digit prefix), so whatever passes is an ISBN the value object can hold.
 */
class BookRequestTest {

	private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();

	private static final Validator VALIDATOR = FACTORY.getValidator();

	@AfterAll
	static void close() {
		FACTORY.close();
	}

	@ParameterizedTest
	@ValueSource(strings = { "9780306406157", "978-0-306-40615-7", "979 10 90636 07 1", "0-306-40615-2", "080442957X" })
	void anIsbnWrittenAsPeopleWriteItIsTakenAndNormalised(String isbn) {
		BookRequest request = request(isbn);

		assertThat(VALIDATOR.validate(request)).isEmpty();
		assertThat(request.toDetails().isbn().value()).hasSize(13).startsWith("97");
	}

	@Test
	void aWrongCheckDigitIsNamed() {
		assertThat(messages("978-0-306-40615-8"))
			.containsExactly("must be a valid ISBN-10 or ISBN-13 (check digit included)");
	}

	@ParameterizedTest
	@ValueSource(strings = { "isbn9780306406157", "9780306406157!", "978--0-306-40615-7" })
	void charactersAnIsbnDoesNotHaveAreRefusedThoughTheDigitsWouldPass(String isbn) {
		assertThat(messages(isbn)).containsExactly(
				"must be an ISBN-10 or an ISBN-13 (978 or 979 first), a hyphen or space allowed between digits");
	}

	@Test
	void thirteenDigitsThatAreNotABooklandNumberAreRefused() {
		// a valid EAN-13 check digit (an ISSN's barcode), which @ISBN alone would take
		assertThat(messages("9770306406158")).containsExactly(
				"must be an ISBN-10 or an ISBN-13 (978 or 979 first), a hyphen or space allowed between digits");
	}

	private static List<String> messages(String isbn) {
		return VALIDATOR.validate(request(isbn)).stream().map(ConstraintViolation::getMessage).toList();
	}

	private static BookRequest request(String isbn) {
		return new BookRequest(isbn, "A title", List.of("An Author"), null, null, null, null);
	}

}
