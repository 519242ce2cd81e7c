package org.library.catalog;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An International Standard Book Number, always held in its 13-digit form.
 *
 * @param value thirteen digits, no hyphens
 */
public record Isbn(String value) {

	/**
	 * How an ISBN may be written: ISBN-10 (nine digits and a check digit or X) or ISBN-13
	 * (978 or 979 and ten more digits), a hyphen or a space allowed between digits. The
	 * check digit itself is checked by {@link #parse}, and at the API's edge by Hibernate
	 * Validator's {@code @ISBN}.
	 */
	public static final String WRITTEN = "\\s*(?:(?:[0-9][ -]?){9}[0-9Xx]|97[89](?:[ -]?[0-9]){10})\\s*";

	private static final Pattern WRITTEN_PATTERN = Pattern.compile(WRITTEN);

	public Isbn {
		if (parse(value).filter(value::equals).isEmpty()) {
			throw new IllegalArgumentException("not a valid ISBN-13: " + value);
		}
	}

	/**
	 * Reads an ISBN-10 or ISBN-13 written as {@link #WRITTEN} says, checking its check
	 * digit.
	 * @return the ISBN as 13 digits, or empty when it is not a valid ISBN
	 */
	public static Optional<String> parse(String text) {
		if (text == null || !WRITTEN_PATTERN.matcher(text).matches()) {
			return Optional.empty();
		}
		String compact = text.strip().replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
		if (compact.length() == 10 && compact.matches("[0-9]{9}[0-9X]") && isValidIsbn10(compact)) {
			String isbn13 = "978" + compact.substring(0, 9);
			return Optional.of(isbn13 + isbn13CheckDigit(isbn13));
		}
		if (compact.length() == 13 && compact.matches("97[89][0-9]{10}")
				&& isbn13CheckDigit(compact.substring(0, 12)) == compact.charAt(12) - '0') {
			return Optional.of(compact);
		}
		return Optional.empty();
	}

	private static boolean isValidIsbn10(String isbn) {
		int sum = 0;
		for (int i = 0; i < 10; i++) {
			char c = isbn.charAt(i);
			int digit = c == 'X' ? 10 : c - '0';
			if (c == 'X' && i != 9) {
				return false;
			}
			sum += digit * (10 - i);
		}
		return sum % 11 == 0;
	}

	private static int isbn13CheckDigit(String first12) {
		int sum = 0;
		for (int i = 0; i < 12; i++) {
			sum += (first12.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
		}
		return (10 - sum % 10) % 10;
	}

	@Override
	public String toString() {
		return value;
	}

}
