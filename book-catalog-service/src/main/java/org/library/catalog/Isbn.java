package org.library.catalog;

import java.util.Optional;

/**
 * An International Standard Book Number, always held in its 13-digit form.
 *
 * @param value thirteen digits, no hyphens
 */
public record Isbn(String value) {

	public Isbn {
		if (parse(value).filter(value::equals).isEmpty()) {
			throw new IllegalArgumentException("not a valid ISBN-13: " + value);
		}
	}

	/**
	 * Reads an ISBN-10 or ISBN-13, with or without hyphens or spaces, checking its check
	 * digit.
	 * @return the ISBN as 13 digits, or empty when it is not a valid ISBN
	 */
	public static Optional<String> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String compact = text.strip().replace("-", "").replace(" ", "").toUpperCase();
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
