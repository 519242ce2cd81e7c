package org.library.benchmarks;

import java.net.URI;
import java.net.http.HttpRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

import org.library.testsupport.TopicFeed;

/**
 * The benchmark command ({@code ./mvnw -Pbenchmark -DskipTests verify}): starts the local
 * stack as a user does, measures each work at constant arrival rates over 32 connections,
 * measures the same work raw before and after, and prints one table (also written to
 * {@code benchmarks/target/benchmark-report.md}). It asserts nothing.
 */
public final class SuiteBenchmark {

	private static final int CONNECTIONS = 32;

	/**
	 * Fractions of the first estimate of how much a work takes, tried in turn until the
	 * suite falls behind.
	 */
	private static final double[] RATES = { 0.6, 0.8, 0.9, 1.0, 1.1, 1.25 };

	private static final int READERS = 128;

	private static final String LEND = "lend, 64 books, 32 connections";

	private static final String HOT_LEND = "lend, one hot book";

	private static final String BOOK_BY_ID = "book by id";

	private static final String SEARCH = "catalog search (count and first page)";

	private static final String LIST_ADD = "reading list add";

	private static final List<String> WORKS = List.of(LEND, HOT_LEND, BOOK_BY_ID, SEARCH, LIST_ADD);

	/** {@code --only=audit}: the audit service's ingest and the trail's proofs alone. */
	private static final String AUDIT = "audit";

	/** {@code --only=verifier}: the auditor's command offline on a million events. */
	private static final String VERIFIER = "verifier";

	/** {@code --only=scale}: the catalog at a million books alone. */
	private static final String SCALE = "scale";

	private static final int AUDIT_BURST = 100_000;

	private final Duration step;

	private final Duration warmup;

	/**
	 * When set, only the works whose name contains it, and nothing else: for trying one
	 * change quickly.
	 */
	private final String only;

	private final RunningStack stack;

	private final Library library;

	private final OpenLoad load = new OpenLoad(CONNECTIONS);

	private final StringBuilder log = new StringBuilder();

	private SuiteBenchmark(Duration step, Duration warmup, String only, RunningStack stack) {
		this.step = step;
		this.warmup = warmup;
		this.only = only;
		this.stack = stack;
		this.library = new Library(stack);
	}

	public static void main(String[] args) throws Exception {
		Path root = Path.of(".");
		int seconds = 5;
		int warmup = 20;
		String only = null;
		for (String arg : args) {
			if (arg.startsWith("--root=")) {
				root = Path.of(arg.substring("--root=".length()));
			}
			else if (arg.startsWith("--seconds=")) {
				seconds = Integer.parseInt(arg.substring("--seconds=".length()));
			}
			else if (arg.startsWith("--only=")) {
				only = arg.substring("--only=".length()).isBlank() ? null : arg.substring("--only=".length());
			}
			else if (arg.startsWith("--warmup=")) {
				warmup = Integer.parseInt(arg.substring("--warmup=".length()));
			}
			else {
				System.err.println(
						"Usage: SuiteBenchmark [--root=<working copy>] [--seconds=<per rate>] [--warmup=<seconds per work>] [--only=<part of a work's name>]");
				System.exit(2);
			}
		}
		String chosen = only;
		root = root.toAbsolutePath().normalize();
		if (VERIFIER.equals(chosen)) {
			// the auditor's command alone, offline: no stack
			System.out
				.println(report(root, "| offline | |\n|---|---|\n" + new TrailBenchmark(root).offline(1_000_000)));
			return;
		}
		if (chosen != null && !AUDIT.equals(chosen) && !SCALE.equals(chosen)
				&& WORKS.stream().noneMatch(work -> work.contains(chosen))) {
			System.err.println("No work's name contains \"" + chosen + "\"; the works: " + WORKS);
			System.exit(2);
		}
		System.out.println("Starting the local stack from " + root + " ...");
		String report;
		try (RunningStack stack = RunningStack.start(root, READERS)) {
			System.out.printf("The local stack is up after %.1f s (%.1f s the first time, on empty data)%n",
					stack.startup().toMillis() / 1000.0, stack.firstStartup().toMillis() / 1000.0);
			report = new SuiteBenchmark(Duration.ofSeconds(seconds), Duration.ofSeconds(warmup), only, stack).run();
		}
		System.out.println();
		System.out.println(report(root, report));
	}

	/** Keeps the report in benchmarks/target too. */
	private static String report(Path root, String report) throws IOException {
		Path file = root.resolve("benchmarks/target/benchmark-report.md");
		Files.createDirectories(file.getParent());
		Files.writeString(file, report);
		return report + "\n(also in " + root.relativize(file) + ")";
	}

	private String run() throws Exception {
		if (AUDIT.equals(only)) {
			return auditAlone();
		}
		if (SCALE.equals(only)) {
			library.build();
			return new CatalogScale(stack, library, step).run(line -> say("%s", line));
		}
		say("Building the library through its API: %d stocked books, a hot book, %d shelf books", Library.STOCKED_BOOKS,
				Library.SHELF_BOOKS);
		library.build();
		Tokens tokens = new Tokens();
		Map<String, LongFunction<HttpRequest>> works = works(tokens);
		if (only != null) {
			works.keySet().removeIf(work -> !work.contains(only));
			return quick(works, tokens);
		}
		warmUp(works);
		Raw raw = new Raw(stack, library, CONNECTIONS, step);
		raw.prepare();
		say("Raw limits, before");
		Raw.Limits before = raw.measure();
		say("  %s", before);

		Map<String, Measured> measured = measure(works, tokens);
		Audit audit = audit();

		say("Raw limits, after");
		Raw.Limits after = raw.measure();
		say("  %s", after);

		Map<String, Long> memory = new LinkedHashMap<>();
		stack.serviceProcesses()
			.forEach((service, process) -> RunningStack.residentBytes(process)
				.ifPresent(rss -> memory.put(service, rss)));

		Map<String, RunningStack.Startup> alone = new LinkedHashMap<>();
		for (String service : RunningStack.SERVICES.keySet()) {
			say("Starting %s alone", service);
			alone.put(service, stack.startAlone(service));
		}
		// last: a million books in the catalog would change every search before it
		String scale = new CatalogScale(stack, library, step).run(line -> say("%s", line));
		return report(measured, audit, before, after, memory, alone, scale);
	}

	/**
	 * The services' JIT compilers compete with the load for the two cores: measure only
	 * once they are done.
	 */
	private void warmUp(Map<String, LongFunction<HttpRequest>> works) throws Exception {
		say("Warming up the JVMs, %d s per work", warmup.toSeconds());
		for (LongFunction<HttpRequest> work : works.values()) {
			load.saturate(warmup, work);
		}
		library.settle();
	}

	/**
	 * Each work at rising rates; the event path is followed for the lends of many books.
	 */
	private Map<String, Measured> measure(Map<String, LongFunction<HttpRequest>> works, Tokens tokens)
			throws Exception {
		Map<String, Measured> measured = new LinkedHashMap<>();
		try (EventPath events = new EventPath(stack)) {
			for (Map.Entry<String, LongFunction<HttpRequest>> work : works.entrySet()) {
				tokens.refresh();
				measured.put(work.getKey(),
						sustained(work.getKey(), LEND.equals(work.getKey()) ? events : null, work.getValue()));
			}
		}
		return measured;
	}

	/** The chosen works alone, warmed up and measured, without their raw limits. */
	private String quick(Map<String, LongFunction<HttpRequest>> works, Tokens tokens) throws Exception {
		warmUp(works);
		StringBuilder report = new StringBuilder(
				"| work | suite rate | p50 | p99 | p99.9 | CPU ms per request |\n|---|---:|---:|---:|---:|---|\n");
		measure(works, tokens).forEach((work, measured) -> {
			if (measured != null) {
				OpenLoad.Step step = measured.step();
				report.append("| %s | %,.0f/s | %.1f ms | %.1f ms | %.1f ms | %s |%n".formatted(work, step.achieved(),
						step.millis(50), step.millis(99), step.millis(99.9),
						measured.cpu()
							.entrySet()
							.stream()
							.filter(part -> part.getValue() >= 0.01)
							.map(part -> "%s %.2f".formatted(part.getKey(), part.getValue()))
							.collect(Collectors.joining(", "))));
			}
		});
		return report.append("\nEach rate tried (%d s each):%n%n```%n%s```%n".formatted(step.toSeconds(), log))
			.toString();
	}

	/** Each work the table shows, as the i-th request of it. */
	private Map<String, LongFunction<HttpRequest>> works(Tokens tokens) {
		Map<String, LongFunction<HttpRequest>> works = new LinkedHashMap<>();
		String inventory = stack.url("book-inventory-service") + "/api/inventory/";
		String catalog = stack.url("book-catalog-service") + "/api/books";
		// the librarian lends each copy to a reader of its own, so no reader reaches her
		// limit of open loans, in this run or the next
		String readers = "bench" + Long.toString(System.currentTimeMillis(), 36) + "-";
		AtomicLong lent = new AtomicLong();
		works.put(LEND, i -> lend(inventory + library.stocked.get((int) (i % library.stocked.size())) + "/loans",
				readers + lent.getAndIncrement(), tokens.librarian));
		works.put(HOT_LEND,
				i -> lend(inventory + library.hotBook + "/loans", readers + lent.getAndIncrement(), tokens.librarian));
		works.put(BOOK_BY_ID,
				i -> get(catalog + "/" + library.shelf.get((int) (i % library.shelf.size())), tokens.librarian));
		works.put(SEARCH,
				i -> get(catalog + "?q=" + Library.WORDS[(int) (i % Library.WORDS.length)], tokens.librarian));
		// each add is a book new to that reader's list: readers x shelf books of them in
		// all
		AtomicLong listed = new AtomicLong();
		works.put(LIST_ADD, ignored -> {
			long next = listed.getAndIncrement();
			int reader = (int) (next % READERS);
			UUID book = library.shelf.get((int) ((next / READERS) % library.shelf.size()));
			return HttpRequest
				.newBuilder(URI.create(stack.url("reading-list-service") + "/api/readers/"
						+ RunningStack.readerName(reader + 1) + "/reading-list/" + book))
				.header("Authorization", "Bearer " + tokens.readers.get(reader))
				.PUT(HttpRequest.BodyPublishers.noBody())
				.build();
		});
		return works;
	}

	/**
	 * The librarian's and the readers' tokens, signed in again before they could expire
	 * (the issuer's 5 minutes).
	 */
	private final class Tokens {

		volatile String librarian;

		volatile List<String> readers;

		private long signedInAt;

		Tokens() {
			refresh();
		}

		void refresh() {
			if (librarian != null && System.nanoTime() - signedInAt < TimeUnit.MINUTES.toNanos(2)) {
				return;
			}
			say("Signing in the librarian and %d readers", READERS);
			librarian = library.librarian();
			List<String> signedIn = new ArrayList<>();
			for (int reader = 1; reader <= READERS; reader++) {
				signedIn.add(library.reader(reader));
			}
			readers = signedIn;
			signedInAt = System.nanoTime();
		}

	}

	/**
	 * A work at rising constant rates: first as fast as 32 callers go (once to warm up,
	 * once to estimate), then at fractions of that estimate until the suite falls behind.
	 * The highest rate it kept up with is its rate.
	 * @param events when not null, the event path is measured at each rate (lends)
	 */
	private Measured sustained(String work, EventPath events, LongFunction<HttpRequest> request) throws Exception {
		say("%s", work);
		AtomicLong sequence = new AtomicLong();
		LongFunction<HttpRequest> next = ignored -> request.apply(sequence.getAndIncrement());
		double estimate = load.saturate(Duration.ofSeconds(3), next);
		library.settle();
		say("  32 callers back to back: %,.0f/s", estimate);
		Measured best = null;
		for (int tried = 0; tried < 14; tried++) {
			// past the listed fractions, on up by 15 % a time while the suite keeps up
			double fraction = tried < RATES.length ? RATES[tried]
					: RATES[RATES.length - 1] * Math.pow(1.15, tried - RATES.length + 1);
			EventPath.Mark mark = events == null ? null : events.mark();
			Map<String, Long> cpuBefore = stack.cpuMillis();
			OpenLoad.Step run = load.run(estimate * fraction, step, next);
			// what the requests caused after they were answered counts too: the relay,
			// the audit service
			library.settle();
			Map<String, Long> cpuAfter = stack.cpuMillis();
			Map<String, Double> cpu = new LinkedHashMap<>();
			long requests = Math.max(1, run.latency().getTotalCount());
			cpuAfter.forEach((part, millis) -> cpu.put(part,
					(millis - cpuBefore.getOrDefault(part, millis)) / (double) requests));
			EventPath.Result path = events == null ? null : events.since(mark, "book-inventory-service", "LoanOpened");
			say("  %s%s", run, path == null ? "" : "\n      " + path);
			if (!run.keptUp()) {
				break;
			}
			best = new Measured(run, path, cpu);
		}
		return best;
	}

	/**
	 * @param cpu CPU milliseconds per request each part of the stack used, from the start
	 * of the step until its background work was done
	 */
	record Measured(OpenLoad.Step step, EventPath.Result path, Map<String, Double> cpu) {
	}

	/**
	 * @param rate events per second until the burst was stored and in the Merkle log
	 * @param storedRate events per second until it was stored
	 */
	record Audit(double rate, double storedRate, double steadyP50, double steadyP99, long steadyEvents) {
	}

	/**
	 * The audit service taking in a burst as fast as it can, then a steady 1,000 events
	 * per second.
	 */
	private Audit audit() throws Exception {
		// the works' warm-ups send the audit service events too, but not a burst, and
		// alone it has had none: its ingest is compiled before it is measured
		say("audit ingest: warming up for %d s", warmup.toSeconds());
		String warming = "BenchmarkWarmup" + UUID.randomUUID();
		long warmingEnds = System.nanoTime() + warmup.toNanos();
		int warmed = 0;
		try (TopicFeed feed = auditFeed()) {
			while (System.nanoTime() < warmingEnds) {
				for (int i = 0; i < 5_000; i++) {
					send(feed, warming, warmed++);
				}
				feed.flush();
				awaitStored(warming, warmed);
			}
		}
		awaitInTheLog();
		library.settle();

		say("audit ingest: a burst of %,d events", AUDIT_BURST);
		String burst = "BenchmarkBurst" + UUID.randomUUID();
		long start = System.nanoTime();
		try (TopicFeed feed = auditFeed()) {
			for (int i = 0; i < AUDIT_BURST; i++) {
				send(feed, burst, i);
			}
			feed.flush();
		}
		awaitStored(burst, AUDIT_BURST);
		double storedRate = AUDIT_BURST / ((System.nanoTime() - start) / 1e9);
		awaitInTheLog();
		double rate = AUDIT_BURST / ((System.nanoTime() - start) / 1e9);
		say("  %,.0f events/s stored, %,.0f events/s stored and in the Merkle log", storedRate, rate);
		library.settle();

		String steady = "BenchmarkSteady" + UUID.randomUUID();
		int events = (int) (1000 * step.toSeconds() * 2);
		try (TopicFeed feed = auditFeed()) {
			long begin = System.nanoTime();
			for (int i = 0; i < events; i++) {
				long wait = begin + i * 1_000_000L - System.nanoTime();
				if (wait > 0) {
					LockSupport.parkNanos(wait);
				}
				send(feed, steady, i);
			}
			feed.flush();
		}
		awaitStored(steady, events);
		try (Connection connection = stack.connectAsSuperuser(); PreparedStatement lag = connection.prepareStatement("""
				SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM recorded_at - occurred_at)),
				       percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM recorded_at - occurred_at))
				  FROM audit.audit_event WHERE action = ?""")) {
			lag.setString(1, steady);
			try (ResultSet row = lag.executeQuery()) {
				row.next();
				Audit audit = new Audit(rate, storedRate, row.getDouble(1) * 1000, row.getDouble(2) * 1000, events);
				say("  a steady 1,000 events/s: event to audit row p50 %.0f ms, p99 %.0f ms", audit.steadyP50(),
						audit.steadyP99());
				return audit;
			}
		}
	}

	/**
	 * The audit service alone: its ingest next to the raw limits of its append, and what
	 * the provable trail costs an auditor.
	 */
	private String auditAlone() throws Exception {
		Raw raw = new Raw(stack, library, CONNECTIONS, step);
		raw.prepare();
		say("Raw limits of the audit append, before");
		double before = raw.auditLimit();
		Audit audit = audit();
		say("Raw limits of the audit append, after");
		double after = raw.auditLimit();
		double limit = Math.min(before, after);
		String auditor = new org.library.testsupport.Tokens(stack.issuer()).forPerson("auditor",
				stack.password("auditor"));
		return """
				| audit | |
				|---|---|
				| ingest, burst of %,d events, stored and in the Merkle log | %,.0f/s, %.0f %% of the slower raw limit (%,.0f/s) |
				| ingest, the same burst, stored | %,.0f/s, %.0f %% |
				| event time to stored audit row, a steady 1,000/s | p50 %.0f ms, p99 %.0f ms |

				"""
			.formatted(AUDIT_BURST, audit.rate(), 100 * audit.rate() / limit, limit, audit.storedRate(),
					100 * audit.storedRate() / limit, audit.steadyP50(), audit.steadyP99())
				+ new TrailBenchmark(stack.root()).live(stack, auditor);
	}

	private TopicFeed auditFeed() {
		return new TopicFeed(stack.kafkaClient("book-inventory-service"), "library.audit.book-inventory-service",
				"book-inventory-service", Map.of());
	}

	private static void send(TopicFeed feed, String batch, int i) {
		UUID id = UUID.randomUUID();
		String entity = "entity-" + (i % 1000);
		// the batch is told by its action: the source is the topic's service, or the
		// event would be dead-lettered
		feed.sendAsync(entity, """
				{"id":"%s","occurredAt":"%s","source":"book-inventory-service","actor":"librarian","action":"%s",\
				"entityType":"Book","entityId":"%s","details":{"count":1}}""".formatted(id, Instant.now(), batch,
				entity), "org.library.audit.AuditEvent", "librarian", id);
	}

	/**
	 * Until every stored event is in the Merkle log (its tree grows after the append).
	 */
	private void awaitInTheLog() throws SQLException, InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
		while (library.count("SELECT (SELECT size FROM audit.tree_head) - "
				+ "(SELECT coalesce(max(index) + 1, 0) FROM audit.tree_node WHERE level = 0)") > 0) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("the audit service's Merkle log did not take in every stored event");
			}
			Thread.sleep(20);
		}
	}

	private void awaitStored(String batch, long events) throws SQLException, InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
		while (library.count("SELECT count(*) FROM audit.audit_event WHERE action = '" + batch + "'") < events) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("the audit service did not store every event of " + batch);
			}
			Thread.sleep(100);
		}
	}

	private String report(Map<String, Measured> works, Audit audit, Raw.Limits before, Raw.Limits after,
			Map<String, Long> memory, Map<String, RunningStack.Startup> alone, String scale) throws Exception {
		Raw.Limits raw = before.average(after);
		StringBuilder report = new StringBuilder();
		report.append("Benchmark of %s on %s%n%n".formatted(LocalDate.now(), Machine.describe()));
		report.append("| work | suite rate | p50 | p99 | p99.9 | raw rate (before / after) | suite / raw |\n");
		report.append("|---|---:|---:|---:|---:|---:|---:|\n");
		row(report, LEND, works.get(LEND), raw.lend(), before.lend(), after.lend());
		row(report, HOT_LEND, works.get(HOT_LEND), raw.hotLend(), before.hotLend(), after.hotLend());
		row(report, BOOK_BY_ID, works.get(BOOK_BY_ID), raw.bookById(), before.bookById(), after.bookById());
		row(report, SEARCH, works.get(SEARCH), raw.search(), before.search(), after.search());
		row(report, LIST_ADD, works.get(LIST_ADD), raw.readingListAdd(), before.readingListAdd(),
				after.readingListAdd());
		report.append(
				"| audit ingest, burst of %,d events, stored and in the Merkle log | %,.0f/s | | | | %,.0f/s (Kafka %,.0f / %,.0f, Postgres %,.0f / %,.0f rows) | %.0f %% |\n"
					.formatted(AUDIT_BURST, audit.rate(), raw.audit(), before.kafka(), after.kafka(),
							before.auditRows(), after.auditRows(), 100 * audit.rate() / raw.audit()));
		report.append("\n| event path | p50 | p99 |\n|---|---:|---:|\n");
		Measured lending = works.get(LEND);
		if (lending != null && lending.path() != null) {
			report.append("| outbox commit to Kafka, lends at %,.0f/s | %d ms | %d ms |\n".formatted(
					lending.step().achieved(), lending.path().toKafka().getValueAtPercentile(50),
					lending.path().toKafka().getValueAtPercentile(99)));
			report.append("| event time to stored audit row, lends at %,.0f/s | %.0f ms | %.0f ms |\n"
				.formatted(lending.step().achieved(), lending.path().toAuditP50(), lending.path().toAuditP99()));
		}
		report.append("| event time to stored audit row, audit events at a steady 1,000/s | %.0f ms | %.0f ms |\n"
			.formatted(audit.steadyP50(), audit.steadyP99()));
		report.append("\n| CPU per request, ms (at the rate above; background work included) |");
		List<String> measuredWorks = works.entrySet()
			.stream()
			.filter(work -> work.getValue() != null)
			.map(Map.Entry::getKey)
			.toList();
		measuredWorks.forEach(work -> report.append(" ").append(work).append(" |"));
		report.append("\n|---|").append("---:|".repeat(measuredWorks.size())).append('\n');
		if (!measuredWorks.isEmpty()) {
			for (String part : works.get(measuredWorks.getFirst()).cpu().keySet()) {
				report.append("| ").append(part).append(" |");
				measuredWorks
					.forEach(work -> report.append(" %.2f |".formatted(works.get(work).cpu().getOrDefault(part, 0.0))));
				report.append('\n');
			}
			report.append("| all |");
			measuredWorks.forEach(work -> report.append(" %.2f |"
				.formatted(works.get(work).cpu().values().stream().mapToDouble(Double::doubleValue).sum())));
			report.append('\n');
		}
		report.append(
				"\n| start-up | ready after `java -jar` | Spring's \"Started ... in\" | memory (RSS) after the load |\n");
		report.append("|---|---:|---:|---:|\n");
		report.append("| whole local stack, first start on empty data | %.1f s | | |\n"
			.formatted(stack.firstStartup().toMillis() / 1000.0));
		report.append("| whole local stack, next start (Postgres, Kafka, %d JVMs) | %.1f s | | %s |\n"
			.formatted(RunningStack.SERVICES.size(), stack.startup().toMillis() / 1000.0, memory.isEmpty() ? ""
					: "%,d MB".formatted(memory.values().stream().mapToLong(Long::longValue).sum() >> 20)));
		alone.forEach((service, startup) -> report
			.append("| %s alone | %.1f s | %s | %s |\n".formatted(service, startup.ready().toMillis() / 1000.0,
					startup.reportedBySpring() == null ? ""
							: "%.1f s".formatted(startup.reportedBySpring().toMillis() / 1000.0),
					memory.containsKey(service) ? "%,d MB".formatted(memory.get(service) >> 20) : "")));
		report.append('\n').append(scale);
		report.append("\nEach rate tried (%d s each):%n%n```%n%s```%n".formatted(step.toSeconds(), log));
		return report.toString();
	}

	private static void row(StringBuilder report, String work, Measured measured, double raw, double before,
			double after) {
		if (measured == null) {
			report.append("| %s | fell behind at every rate tried | | | | %,.0f/s (%,.0f / %,.0f) | |\n".formatted(work,
					raw, before, after));
			return;
		}
		OpenLoad.Step step = measured.step();
		report.append("| %s | %,.0f/s | %.1f ms | %.1f ms | %.1f ms | %,.0f/s (%,.0f / %,.0f) | %.0f %% |\n".formatted(
				work, step.achieved(), step.millis(50), step.millis(99), step.millis(99.9), raw, before, after,
				100 * step.achieved() / raw));
	}

	private void say(String format, Object... args) {
		String line = format.formatted(args);
		System.out.println(line);
		log.append(line).append('\n');
	}

	private static HttpRequest lend(String url, String reader, String token) {
		return HttpRequest.newBuilder(URI.create(url))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"reader\":\"" + reader + "\"}"))
			.build();
	}

	private static HttpRequest get(String url, String token) {
		return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build();
	}

}
