package org.library.systemtests;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.library.testsupport.Caller;

/**
 * A steady stream of writes, as a library frontend sends them, to every instance of the
 * catalog, the inventory and the reading list in turn, with a ledger of the audit events
 * they must cause: a write answered 2xx must leave exactly one; a write whose answer
 * never came (the service was killed, the request timed out, a 5xx) may leave one or
 * none.
 */
final class WriteLoad implements AutoCloseable {

	/**
	 * What the audit trail must hold: an event of this action, from this service, about
	 * this entity.
	 */
	record Expected(String source, String action, String entityId) {
	}

	private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

	/** A loan's id and its book's, as the inventory writes them. */
	private static final Pattern LOAN = Pattern.compile("\"id\":\"([0-9a-f-]{36})\",\"bookId\":\"([0-9a-f-]{36})\"");

	private static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z_]+)\"");

	private static final Duration PACE = Duration.ofMillis(120);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Map<Expected, AtomicInteger> confirmed = new ConcurrentHashMap<>();

	private final Map<Expected, AtomicInteger> unknown = new ConcurrentHashMap<>();

	/**
	 * The ISBNs of books whose addition got no answer: the catalog may have stored one,
	 * under an id only the catalog knows.
	 */
	private final Set<String> unansweredAdditions = ConcurrentHashMap.newKeySet();

	private final AtomicLong writes = new AtomicLong();

	private final AtomicLong roundRobin = new AtomicLong();

	private final List<String> catalogs;

	private final List<String> inventories;

	private final List<String> readingLists;

	/** A valid access token for a caller, renewed before it expires. */
	private final Function<Caller, String> tokens;

	/** Books every instance knows, for the inventory's and the reading list's writes. */
	private final List<String> shelf = new ArrayList<>();

	private final List<Thread> workers = new ArrayList<>();

	private volatile boolean running;

	WriteLoad(List<String> catalogs, List<String> inventories, List<String> readingLists,
			Function<Caller, String> tokens) {
		this.catalogs = catalogs;
		this.inventories = inventories;
		this.readingLists = readingLists;
		this.tokens = tokens;
	}

	void start() {
		running = true;
		// each reader has one worker for their list, so what a list holds is known to the
		// worker that changes it
		for (Caller reader : List.of(Caller.ADA, Caller.ALAN)) {
			workers.add(Thread.ofVirtual().start(() -> loop(this::catalogWork)));
			workers.add(Thread.ofVirtual().start(() -> loop(() -> inventoryWork(reader))));
			workers.add(Thread.ofVirtual().start(() -> loop(() -> readingListWork(reader))));
		}
	}

	/** Stops sending and waits for every answer still due. */
	void stop() throws InterruptedException {
		running = false;
		for (Thread worker : workers) {
			worker.join();
		}
		workers.clear();
	}

	@Override
	public void close() throws InterruptedException {
		stop();
	}

	/** Writes answered 2xx so far. */
	long writes() {
		return writes.get();
	}

	Map<Expected, Integer> confirmed() {
		return snapshot(confirmed);
	}

	Map<Expected, Integer> unknown() {
		return snapshot(unknown);
	}

	/** ISBNs of books added without an answer; see {@link LibraryState#check}. */
	Set<String> unansweredAdditions() {
		return Set.copyOf(unansweredAdditions);
	}

	private static Map<Expected, Integer> snapshot(Map<Expected, AtomicInteger> counts) {
		Map<Expected, Integer> copy = new ConcurrentHashMap<>();
		counts.forEach((key, count) -> copy.put(key, count.get()));
		return copy;
	}

	private void loop(Runnable work) {
		while (running) {
			work.run();
			try {
				Thread.sleep(PACE);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	/** A book is added, sometimes renamed, sometimes removed. */
	private void catalogWork() {
		String isbn = isbn13();
		Answer added = send(Caller.LIBRARIAN, "POST", catalogs, "/api/books",
				"{\"isbn\":\"" + isbn + "\",\"title\":\"Under load\",\"authors\":[\"Ursula K. Le Guin\"]}", null);
		if (added.status() != 201) {
			if (added.status() < 0 || added.status() >= 500) {
				unansweredAdditions.add(isbn);
			}
			return;
		}
		Matcher id = ID.matcher(added.body());
		id.find();
		String book = id.group(1);
		expect(added, "book-catalog-service", "BookAdded", book);
		String etag = added.etag();
		if (ThreadLocalRandom.current().nextInt(3) == 0) {
			Answer renamed = send(Caller.LIBRARIAN, "PUT", catalogs, "/api/books/" + book,
					"{\"isbn\":\"" + isbn + "\",\"title\":\"Under load, renamed\",\"authors\":[\"Ursula K. Le Guin\"]}",
					etag);
			expect(renamed, "book-catalog-service", "BookUpdated", book);
		}
		if (ThreadLocalRandom.current().nextInt(4) == 0) {
			Answer removed = send(Caller.LIBRARIAN, "DELETE", catalogs, "/api/books/" + book, null, null);
			expect(removed, "book-catalog-service", "BookRemoved", book);
		}
	}

	/**
	 * The librarian adds a copy to a book on the shelf, which the reader borrows and
	 * brings back. A loan whose answer never came may still be hers: when a loan is
	 * refused, she returns whatever she has, so such loans never add up to her limit.
	 */
	private void inventoryWork(Caller reader) {
		String book = shelf.get(ThreadLocalRandom.current().nextInt(shelf.size()));
		String path = "/api/inventory/" + book;
		expect(send(Caller.LIBRARIAN, "POST", inventories, path + "/copies", "{\"count\":1}", null),
				"book-inventory-service", "CopiesAdded", book);
		Answer lent = send(reader, "POST", inventories, path + "/loans", "", null);
		expect(lent, "book-inventory-service", "LoanOpened", book);
		if (lent.status() == 201) {
			Matcher loan = ID.matcher(lent.body());
			loan.find();
			expect(send(reader, "POST", inventories, "/api/loans/" + loan.group(1) + "/return", "", null),
					"book-inventory-service", "LoanReturned", book);
		}
		else if (lent.status() == 409) {
			Answer hers = send(reader, "GET", inventories, "/api/loans", null, null);
			Matcher loan = LOAN.matcher(hers.status() == 200 ? hers.body() : "");
			while (loan.find()) {
				expect(send(reader, "POST", inventories, "/api/loans/" + loan.group(1) + "/return", "", null),
						"book-inventory-service", "LoanReturned", loan.group(2));
			}
		}
	}

	/**
	 * The reader lists a book from the shelf, changes its status and takes it off the
	 * list. The book may still be there from a round whose removal got no answer: then
	 * listing it records nothing (200, not 201), and the status it is changed to is one
	 * it does not have yet.
	 */
	private void readingListWork(Caller reader) {
		String book = shelf.get(ThreadLocalRandom.current().nextInt(shelf.size()));
		String path = "/api/readers/" + reader.subject() + "/reading-list/" + book;
		Answer listed = send(reader, "PUT", readingLists, path, null, null);
		if (listed.status() != 200) {
			expect(listed, "reading-list-service", "BookListed", book);
		}
		if (listed.status() != 200 && listed.status() != 201) {
			return;
		}
		Matcher status = STATUS.matcher(listed.body());
		String next = status.find() && status.group(1).equals("READING") ? "FINISHED" : "READING";
		expect(send(reader, "PATCH", readingLists, path, "{\"status\":\"" + next + "\"}", null), "reading-list-service",
				"ReadingStatusChanged", book);
		expect(send(reader, "DELETE", readingLists, path, null, null), "reading-list-service", "BookUnlisted", book);
	}

	private void expect(Answer answer, String source, String action, String entityId) {
		Expected expected = new Expected(source, action, entityId);
		if (answer.status() >= 200 && answer.status() < 300) {
			writes.incrementAndGet();
			confirmed.computeIfAbsent(expected, key -> new AtomicInteger()).incrementAndGet();
		}
		else if (answer.status() < 0 || answer.status() >= 500) {
			unknown.computeIfAbsent(expected, key -> new AtomicInteger()).incrementAndGet();
		}
	}

	/** Status -1: no answer came, so the write may or may not have happened. */
	record Answer(int status, String body, String etag) {
	}

	private Answer send(Caller caller, String method, List<String> instances, String path, String json,
			String ifMatch) {
		String base = instances.get((int) (roundRobin.getAndIncrement() % instances.size()));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + tokens.apply(caller));
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		request.method(method,
				json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.body(),
					response.headers().firstValue("ETag").orElse(null));
		}
		catch (ConnectException ex) {
			// refused: the request never reached a service, so it changed nothing
			return new Answer(0, "", null);
		}
		catch (IOException ex) {
			return new Answer(-1, "", null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Answer(-1, "", null);
		}
	}

	/** A valid ISBN-13 (check digit included) no other book of the run has. */
	private static String isbn13() {
		String first12 = "979" + String.format("%09d", NEXT_ISBN.incrementAndGet() % 1_000_000_000L);
		int sum = 0;
		for (int i = 0; i < 12; i++) {
			sum += (first12.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
		}
		return first12 + (10 - sum % 10) % 10;
	}

	private static final AtomicLong NEXT_ISBN = new AtomicLong(System.nanoTime() % 1_000_000_000L);

	/** Adds a book through the catalog to the shelf, before the load starts. */
	void addToShelf(String title) {
		Answer added = send(Caller.LIBRARIAN, "POST", catalogs, "/api/books",
				"{\"isbn\":\"" + isbn13() + "\",\"title\":\"" + title + "\",\"authors\":[\"Octavia E. Butler\"]}",
				null);
		if (added.status() != 201) {
			throw new IllegalStateException("the shelf's book was not added: " + added.status() + " " + added.body());
		}
		Matcher id = ID.matcher(added.body());
		id.find();
		expect(added, "book-catalog-service", "BookAdded", id.group(1));
		shelf.add(id.group(1));
	}

}
