package org.library.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.library.testsupport.Tokens;

/**
 * The library the benchmark works on, made through the suite's own API: books with plenty
 * of copies to lend, one hot book everybody wants, and a shelf of books for searches and
 * reading lists.
 */
final class Library {

	/**
	 * Words in the shelf books' titles: a search for one finds about one book in
	 * {@code WORDS.length}.
	 */
	static final String[] WORDS = { "river", "mountain", "harbour", "lantern", "orchard", "meadow", "glacier",
			"compass", "forest", "island", "canyon", "summit", "valley", "desert", "tundra", "delta" };

	static final int STOCKED_BOOKS = 64;

	static final int SHELF_BOOKS = 1000;

	private static final int COPIES_PER_BOOK = 10_000;

	private static final int HOT_BOOK_COPIES = 60_000;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final RunningStack stack;

	private final Tokens tokens;

	final List<UUID> stocked = new ArrayList<>();

	final List<UUID> shelf = new ArrayList<>();

	UUID hotBook;

	private int isbnSequence;

	Library(RunningStack stack) {
		this.stack = stack;
		this.tokens = new Tokens(stack.issuer());
	}

	String librarian() {
		return tokens.forPerson("librarian", stack.password("librarian"));
	}

	String reader(int reader) {
		return tokens.forPerson(RunningStack.readerName(reader), RunningStack.READER_PASSWORD);
	}

	void build() throws Exception {
		String librarian = librarian();
		try (ExecutorService parallel = Executors.newFixedThreadPool(8)) {
			List<Future<UUID>> made = new ArrayList<>();
			for (int i = 0; i < STOCKED_BOOKS + 1; i++) {
				String title = "Stocked book " + i;
				made.add(parallel.submit(() -> addBook(librarian, title)));
			}
			for (int i = 0; i < SHELF_BOOKS; i++) {
				String title = "The " + WORDS[i % WORDS.length] + " of shelf book " + i;
				made.add(parallel.submit(() -> addBook(librarian, title)));
			}
			for (int i = 0; i < made.size(); i++) {
				UUID id = made.get(i).get();
				if (i < STOCKED_BOOKS) {
					stocked.add(id);
				}
				else if (i == STOCKED_BOOKS) {
					hotBook = id;
				}
				else {
					shelf.add(id);
				}
			}
			// the inventory and the reading lists learn the books from the catalog's
			// topic
			awaitCount("SELECT count(*) FROM book_inventory.book_inventory", STOCKED_BOOKS + 1 + SHELF_BOOKS);
			awaitCount("SELECT count(*) FROM reading_list.catalog_book", STOCKED_BOOKS + 1 + SHELF_BOOKS);
			List<Future<?>> stocking = new ArrayList<>();
			for (UUID book : stocked) {
				stocking.add(parallel.submit(() -> addCopies(librarian, book, COPIES_PER_BOOK)));
			}
			stocking.add(parallel.submit(() -> addCopies(librarian, hotBook, HOT_BOOK_COPIES)));
			for (Future<?> done : stocking) {
				done.get();
			}
		}
	}

	private UUID addBook(String token, String title) throws IOException, InterruptedException {
		HttpResponse<String> created = http
			.send(HttpRequest.newBuilder(URI.create(stack.url("book-catalog-service") + "/api/books"))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("""
						{"isbn":"%s","title":"%s","authors":["A. Benchmark"]}""".formatted(nextIsbn(), title)))
				.build(), HttpResponse.BodyHandlers.ofString());
		if (created.statusCode() != 201) {
			throw new IllegalStateException("adding a book: " + created.statusCode() + " " + created.body());
		}
		return UUID.fromString(created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", ""));
	}

	private Void addCopies(String token, UUID book, int copies) throws IOException, InterruptedException {
		for (int added = 0; added < copies; added += 1000) {
			HttpResponse<String> response = http.send(HttpRequest
				.newBuilder(URI.create(stack.url("book-inventory-service") + "/api/inventory/" + book + "/copies"))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"count\":1000}"))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("adding copies: " + response.statusCode() + " " + response.body());
			}
		}
		return null;
	}

	/** A valid ISBN-13 no other book of the run has. */
	private synchronized String nextIsbn() {
		String digits = "979" + "%09d".formatted(++isbnSequence);
		int sum = 0;
		for (int i = 0; i < 12; i++) {
			sum += (digits.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
		}
		return digits + (10 - sum % 10) % 10;
	}

	private void awaitCount(String sql, long expected) throws SQLException, InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
		while (count(sql) < expected) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("still not " + expected + ": " + sql);
			}
			Thread.sleep(100);
		}
	}

	long count(String sql) throws SQLException {
		try (Connection connection = stack.connectAsSuperuser();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getLong(1);
		}
	}

	/**
	 * Waits for the background work a run left: every outbox relayed, and the audit
	 * service done storing what it was sent (its row count still for half a second).
	 */
	void settle() throws SQLException, InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
		while (count("SELECT (SELECT count(*) FROM book_catalog.outbox_event) + (SELECT count(*) FROM "
				+ "book_inventory.outbox_event) + (SELECT count(*) FROM reading_list.outbox_event)") > 0
				&& System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		long stored = -1;
		long now = count("SELECT count(*) FROM audit.audit_event");
		while (now != stored && System.nanoTime() < deadline) {
			stored = now;
			Thread.sleep(500);
			now = count("SELECT count(*) FROM audit.audit_event");
		}
	}

}
