package org.library.catalog;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Valid, distinct books for tests: each call yields an ISBN no other test uses.
 */
final class TestBooks {

	private static final AtomicLong NEXT = new AtomicLong(System.nanoTime() % 1_000_000_000L);

	private TestBooks() {
	}

	static String uniqueIsbn13() {
		String first12 = "979" + String.format("%09d", NEXT.incrementAndGet() % 1_000_000_000L);
		int sum = 0;
		for (int i = 0; i < 12; i++) {
			sum += (first12.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
		}
		return first12 + (10 - sum % 10) % 10;
	}

	static String json(String isbn, String title, String... authors) {
		StringBuilder list = new StringBuilder();
		for (String author : authors) {
			list.append(list.isEmpty() ? "" : ",").append('"').append(author).append('"');
		}
		return """
				{"isbn":"%s","title":"%s","authors":[%s],"publisher":"Allen & Unwin","publishedYear":1954,\
				"language":"en","description":"A test book"}""".formatted(isbn, title, list);
	}

	static String json(String title) {
		return json(uniqueIsbn13(), title, "Ursula K. Le Guin");
	}

}
