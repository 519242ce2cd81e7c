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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
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

	/** {@code --only=auditscale}: the audit trail at ten million events alone. */
	private static final String AUDIT_SCALE = "auditscale";

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
						"Usage: SuiteBenchmark [--root=<working copy>] [--seconds=<per rate>] [--warmup=<seconds per work>] [--only=<part of a work's name>[|<another>]]");
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
		if (chosen != null && !AUDIT.equals(chosen) && !SCALE.equals(chosen) && !AUDIT_SCALE.equals(chosen)
				&& WORKS.stream().noneMatch(work -> chosen(chosen, work))) {
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

	/** Whether {@code --only} chose the work: a part of its name, or parts split by |. */
	private static boolean chosen(String only, String work) {
		return Arrays.stream(only.split("\\|")).anyMatch(part -> !part.isBlank() && work.contains(part.strip()));
	}

	private boolean chosen(String work) {
		return chosen(only, work);
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
		if (AUDIT_SCALE.equals(only)) {
			return new AuditScale(stack, step).run(line -> say("%s", line));
		}
		if (SCALE.equals(only)) {
			library.build();
			return new CatalogScale(stack, library, step).run(line -> say("%s", line));
		}
		say("Building the library through its API: %d stocked books, a hot book, %d shelf books", Library.STOCKED_BOOKS,
				Library.SHELF_BOOKS);
		library.build();
		Tokens tokens = new Tokens();
		Raw raw = new Raw(stack, library, CONNECTIONS, step);
		raw.prepare();
		Map<String, Compared> measured;
		Raw.Limits before;
		Audit audit;
		long plainMemory;
		try (PlainRun plain = PlainRun.start(stack)) {
			say("The plain Spring Boot app is up at %s", plain.url());
			Sides sides = new Sides(works(tokens, stack::url, false), works(tokens, service -> plain.url(), true),
					plain, raw);
			if (only != null) {
				sides.suite().keySet().removeIf(work -> !chosen(work));
				return quick(sides, tokens);
			}
			warmUp(sides);
			say("Raw limits, before");
			before = raw.measure();
			say("  %s", before);
			measured = measure(sides, tokens);
			plainMemory = plain.residentBytes().orElse(0L);
		}
		audit = audit();

		say("Raw limits, after");
		Raw.Limits after = raw.measure();
		say("  %s", after);

		Map<String, Long> memory = memory();
		long stackMemory = stack.proportionalBytes();

		Map<String, RunningStack.Startup> alone = new LinkedHashMap<>();
		for (String service : RunningStack.SERVICES.keySet()) {
			say("Starting %s alone", service);
			alone.put(service, stack.startAlone(service));
		}
		// last: a million books in the catalog would change every search before it
		String scale = new CatalogScale(stack, library, step).run(line -> say("%s", line)) + "\n"
				+ new AuditScale(stack, step).run(line -> say("%s", line));
		return report(measured, audit, before, after, memory, stackMemory, plainMemory, alone, scale);
	}

	/**
	 * The works the suite and the plain Spring Boot app both serve, and what measures
	 * each side.
	 */
	private record Sides(Map<String, LongFunction<HttpRequest>> suite, Map<String, LongFunction<HttpRequest>> plain,
			PlainRun plainRun, Raw raw) {
	}

	/**
	 * The JIT compilers, the services' and the plain app's, compete with the load for the
	 * two cores: measure only once they are done.
	 */
	private void warmUp(Sides sides) throws Exception {
		say("Warming up the JVMs, %d s per work and side", warmup.toSeconds());
		for (Map.Entry<String, LongFunction<HttpRequest>> work : sides.suite().entrySet()) {
			load.saturate(warmup, work.getValue());
			load.saturate(warmup, sides.plain().get(work.getKey()));
		}
		library.settle();
		sides.raw().restock();
	}

	/**
	 * What the suite and the plain app gave for one work: each at its highest rate, the
	 * plain app at the suite's, and the suite at 70 % of its own.
	 */
	record Compared(Measured suite, Measured plain, OpenLoad.Step plainAtSuiteRate, OpenLoad.Step suiteAt70) {

		/** How the suite's tail compares with the plain app's at the same load. */
		double p99Ratio() {
			return suite.step().millis(99) / plainAtSuiteRate.millis(99);
		}

		double rateRatio() {
			return suite.step().achieved() / plain.step().achieved();
		}

	}

	/**
	 * Each work at rising rates, the suite and then the plain app, one work after the
	 * other, so both see the machine in the same state; the event path is followed for
	 * the lends of many books.
	 */
	private Map<String, Compared> measure(Sides sides, Tokens tokens) throws Exception {
		Map<String, Compared> measured = new LinkedHashMap<>();
		try (EventPath events = new EventPath(stack)) {
			for (Map.Entry<String, LongFunction<HttpRequest>> work : sides.suite().entrySet()) {
				tokens.refresh();
				String name = work.getKey();
				Measured suite = sustained(name, LEND.equals(name) ? events : null, work.getValue(), stack::cpuMillis,
						library::settle);
				LongFunction<HttpRequest> plainWork = sides.plain().get(name);
				Measured plain = sustained(name + ", " + PlainRun.NAME, null, plainWork, sides.plainRun()::cpuMillis,
						sides.raw()::restock);
				if (suite == null || plain == null) {
					measured.put(name, new Compared(suite, plain, null, null));
					continue;
				}
				OpenLoad.Step plainAtSuiteRate = load.run(suite.step().offered(), step, counted(plainWork));
				say("  %s at the suite's rate: %s", PlainRun.NAME, plainAtSuiteRate);
				sides.raw().restock();
				tokens.refresh();
				OpenLoad.Step suiteAt70 = load.run(0.7 * suite.step().offered(), step, counted(work.getValue()));
				say("  the suite at 70 %% of its rate: %s, slowest %.0f ms", suiteAt70,
						suiteAt70.latency().getMaxValue() / 1e6);
				library.settle();
				measured.put(name, new Compared(suite, plain, plainAtSuiteRate, suiteAt70));
			}
		}
		return measured;
	}

	/** The chosen works alone, warmed up and measured, without their raw limits. */
	private String quick(Sides sides, Tokens tokens) throws Exception {
		warmUp(sides);
		StringBuilder report = new StringBuilder(
				"| work | suite rate | p50 | p99 | p99.9 | slowest at 70 % | plain Spring Boot rate | plain p99 at the suite's rate | suite / plain | CPU ms per request (suite; plain) |\n"
						+ "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
		measure(sides, tokens).forEach((work, compared) -> {
			if (compared.suiteAt70() != null) {
				OpenLoad.Step suite = compared.suite().step();
				report.append(
						"| %s | %,.0f/s | %.1f ms | %.1f ms | %.1f ms | %.0f ms | %,.0f/s | %.1f ms | %.0f %% | %s; %s |%n"
							.formatted(work, suite.achieved(), suite.millis(50), suite.millis(99), suite.millis(99.9),
									compared.suiteAt70().latency().getMaxValue() / 1e6,
									compared.plain().step().achieved(), compared.plainAtSuiteRate().millis(99),
									100 * compared.rateRatio(), cpu(compared.suite()), cpu(compared.plain())));
			}
		});
		Map<String, Long> memory = memory();
		report.append("\nMemory after the load (RSS): ");
		memory.forEach((service, rss) -> report.append("%s %,d MB; ".formatted(service, rss >> 20)));
		report.append("the services %,d MB; the whole stack with Postgres and Kafka %,d MB (PSS)\n".formatted(
				memory.values().stream().mapToLong(Long::longValue).sum() >> 20, stack.proportionalBytes() >> 20));
		return report.append("\nEach rate tried (%d s each):%n%n```%n%s```%n".formatted(step.toSeconds(), log))
			.toString();
	}

	/** Each service's resident set now. */
	private Map<String, Long> memory() {
		Map<String, Long> memory = new LinkedHashMap<>();
		stack.serviceProcesses()
			.forEach((service, process) -> RunningStack.residentBytes(process)
				.ifPresent(rss -> memory.put(service, rss)));
		return memory;
	}

	private static String cpu(Measured measured) {
		return measured.cpu()
			.entrySet()
			.stream()
			.filter(part -> part.getValue() >= 0.01)
			.map(part -> "%s %.2f".formatted(part.getKey(), part.getValue()))
			.collect(Collectors.joining(", "));
	}

	private static LongFunction<HttpRequest> counted(LongFunction<HttpRequest> request) {
		AtomicLong sequence = new AtomicLong();
		return ignored -> request.apply(sequence.getAndIncrement());
	}

	/**
	 * Each work the table shows, as the i-th request of it. The plain app gets the same
	 * requests, tokens included, though it reads none of them.
	 * @param url where each service answers
	 * @param plain for the plain app: its reading lists are its own readers'
	 */
	private Map<String, LongFunction<HttpRequest>> works(Tokens tokens, UnaryOperator<String> url, boolean plain) {
		Map<String, LongFunction<HttpRequest>> works = new LinkedHashMap<>();
		String inventory = url.apply("book-inventory-service") + "/api/inventory/";
		String catalog = url.apply("book-catalog-service") + "/api/books";
		// the librarian lends each copy to a reader of its own, so no reader reaches her
		// limit of open loans, in this run or the next
		String readers = (plain ? "plain" : "bench") + Long.toString(System.currentTimeMillis(), 36) + "-";
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
		// all; the plain app's faster run has more readers, each with a reader's token
		int listReaders = plain ? 8 * READERS : READERS;
		AtomicLong listed = new AtomicLong();
		works.put(LIST_ADD, ignored -> {
			long next = listed.getAndIncrement();
			int reader = (int) (next % listReaders);
			UUID book = library.shelf.get((int) ((next / listReaders) % library.shelf.size()));
			String name = plain ? "plain" + reader : RunningStack.readerName(reader + 1);
			return HttpRequest
				.newBuilder(URI
					.create(url.apply("reading-list-service") + "/api/readers/" + name + "/reading-list/" + book))
				.header("Authorization", "Bearer " + tokens.readers.get(reader % READERS))
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
	private Measured sustained(String work, EventPath events, LongFunction<HttpRequest> request,
			Supplier<Map<String, Long>> cpuMillis, Settle settle) throws Exception {
		say("%s", work);
		AtomicLong sequence = new AtomicLong();
		LongFunction<HttpRequest> next = ignored -> request.apply(sequence.getAndIncrement());
		double estimate = load.saturate(Duration.ofSeconds(3), next);
		settle.run();
		say("  32 callers back to back: %,.0f/s", estimate);
		Measured best = null;
		for (int tried = 0; tried < 14; tried++) {
			// past the listed fractions, on up by 15 % a time while the suite keeps up
			double fraction = tried < RATES.length ? RATES[tried]
					: RATES[RATES.length - 1] * Math.pow(1.15, tried - RATES.length + 1);
			EventPath.Mark mark = events == null ? null : events.mark();
			Map<String, Long> cpuBefore = cpuMillis.get();
			OpenLoad.Step run = load.run(estimate * fraction, step, next);
			// what the requests caused after they were answered counts too: the relay,
			// the audit service
			settle.run();
			Map<String, Long> cpuAfter = cpuMillis.get();
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

	/** Until the work a step caused is done, or the next step can run. */
	private interface Settle {

		void run() throws Exception;

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

	private String report(Map<String, Compared> compared, Audit audit, Raw.Limits before, Raw.Limits after,
			Map<String, Long> memory, long stackMemory, long plainMemory, Map<String, RunningStack.Startup> alone,
			String scale) throws Exception {
		Map<String, Measured> works = new LinkedHashMap<>();
		compared.forEach((work, both) -> works.put(work, both.suite()));
		Raw.Limits raw = before.average(after);
		StringBuilder report = new StringBuilder();
		report.append("Benchmark of %s on %s%n%n".formatted(LocalDate.now(), Machine.describe()));
		report.append("| work | suite rate | p50 | p99 | p99.9 | raw rate (before / after) | suite / raw "
				+ "| plain Spring Boot rate | suite / plain |\n");
		report.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		row(report, LEND, compared.get(LEND), raw.lend(), before.lend(), after.lend());
		row(report, HOT_LEND, compared.get(HOT_LEND), raw.hotLend(), before.hotLend(), after.hotLend());
		row(report, BOOK_BY_ID, compared.get(BOOK_BY_ID), raw.bookById(), before.bookById(), after.bookById());
		row(report, SEARCH, compared.get(SEARCH), raw.search(), before.search(), after.search());
		row(report, LIST_ADD, compared.get(LIST_ADD), raw.readingListAdd(), before.readingListAdd(),
				after.readingListAdd());
		report.append(
				"| audit ingest, burst of %,d events, stored and in the Merkle log | %,.0f/s | | | | %,.0f/s (Kafka %,.0f / %,.0f, Postgres %,.0f / %,.0f rows) | %.0f %% | | |\n"
					.formatted(AUDIT_BURST, audit.rate(), raw.audit(), before.kafka(), after.kafka(),
							before.auditRows(), after.auditRows(), 100 * audit.rate() / raw.audit()));
		report.append(targets(compared));
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
		report.append("\n| CPU per request, ms, %s (at its rate) |".formatted(PlainRun.NAME));
		List<String> plainWorks = compared.entrySet()
			.stream()
			.filter(work -> work.getValue().plain() != null)
			.map(Map.Entry::getKey)
			.toList();
		plainWorks.forEach(work -> report.append(" ").append(work).append(" |"));
		report.append("\n|---|").append("---:|".repeat(plainWorks.size())).append('\n');
		if (!plainWorks.isEmpty()) {
			for (String part : compared.get(plainWorks.getFirst()).plain().cpu().keySet()) {
				report.append("| ").append(part).append(" |");
				plainWorks.forEach(work -> report
					.append(" %.2f |".formatted(compared.get(work).plain().cpu().getOrDefault(part, 0.0))));
				report.append('\n');
			}
		}
		report.append(
				"\n| start-up | ready after `java -jar` | Spring's \"Started ... in\" | memory (RSS) after the load |\n");
		report.append("|---|---:|---:|---:|\n");
		report.append("| whole local stack, first start on empty data | %.1f s | | |\n"
			.formatted(stack.firstStartup().toMillis() / 1000.0));
		report.append("| whole local stack, next start (Postgres, Kafka, %d JVMs) | %.1f s | | %s |\n"
			.formatted(RunningStack.SERVICES.size(), stack.startup().toMillis() / 1000.0, memory.isEmpty() ? ""
					: "%,d MB".formatted(memory.values().stream().mapToLong(Long::longValue).sum() >> 20)));
		report.append("| whole local stack with Postgres and Kafka, each shared page once (PSS) | | | %,d MB |\n"
			.formatted(stackMemory >> 20));
		report.append("| %s, the same load (book, search, lend, reading list) | | | %,d MB |\n".formatted(PlainRun.NAME,
				plainMemory >> 20));
		alone.forEach((service, startup) -> report
			.append("| %s alone | %.1f s | %s | %s |\n".formatted(service, startup.ready().toMillis() / 1000.0,
					startup.reportedBySpring() == null ? ""
							: "%.1f s".formatted(startup.reportedBySpring().toMillis() / 1000.0),
					memory.containsKey(service) ? "%,d MB".formatted(memory.get(service) >> 20) : "")));
		report.append('\n').append(scale);
		report.append("\nEach rate tried (%d s each):%n%n```%n%s```%n".formatted(step.toSeconds(), log));
		return report.toString();
	}

	private static void row(StringBuilder report, String work, Compared compared, double raw, double before,
			double after) {
		Measured measured = compared == null ? null : compared.suite();
		String plain = compared == null || compared.plain() == null ? "fell behind at every rate tried | "
				: "%,.0f/s | %s".formatted(compared.plain().step().achieved(),
						measured == null ? "" : "%.0f %%".formatted(100 * compared.rateRatio()));
		if (measured == null) {
			report.append("| %s | fell behind at every rate tried | | | | %,.0f/s (%,.0f / %,.0f) | | %s |\n"
				.formatted(work, raw, before, after, plain));
			return;
		}
		OpenLoad.Step step = measured.step();
		report.append("| %s | %,.0f/s | %.1f ms | %.1f ms | %.1f ms | %,.0f/s (%,.0f / %,.0f) | %.0f %% | %s |\n"
			.formatted(work, step.achieved(), step.millis(50), step.millis(99), step.millis(99.9), raw, before, after,
					100 * step.achieved() / raw, plain));
	}

	/**
	 * The targets against the plain app: the share of its rate, the tail at the
	 * same load, and the slowest request at 70 % of the suite's rate.
	 */
	private static String targets(Map<String, Compared> compared) {
		StringBuilder targets = new StringBuilder("\n| target | measured | met |\n|---|---|---|\n");
		target(targets, compared.get(BOOK_BY_ID), BOOK_BY_ID, 0.8, 1.5);
		target(targets, compared.get(LEND), "checkout (" + LEND + ")", 0.6, 2);
		compared.forEach((work, both) -> {
			if (both.suiteAt70() != null) {
				double slowest = both.suiteAt70().latency().getMaxValue() / 1e6;
				targets.append(
						"| %s: no request slower than 250 ms at 70 %% of the suite's rate (%,.0f/s) | %.0f ms | %s |\n"
							.formatted(work, both.suiteAt70().offered(), slowest, slowest <= 250 ? "yes" : "no"));
			}
		});
		return targets.toString();
	}

	private static void target(StringBuilder targets, Compared compared, String work, double share, double tail) {
		if (compared == null || compared.suiteAt70() == null) {
			targets.append("| %s | not measured: a side fell behind at every rate | no |\n".formatted(work));
			return;
		}
		targets.append("| %s: at least %.0f %% of the plain app's rate | %.0f %% (%,.0f/s of %,.0f/s) | %s |\n"
			.formatted(work, 100 * share, 100 * compared.rateRatio(), compared.suite().step().achieved(),
					compared.plain().step().achieved(), compared.rateRatio() >= share ? "yes" : "no"));
		targets.append(
				"| %s: p99 at most %.1f times the plain app's at the same load (%,.0f/s) | %.1f ms against %.1f ms: %.1f times | %s |\n"
					.formatted(work, tail, compared.suite().step().offered(), compared.suite().step().millis(99),
							compared.plainAtSuiteRate().millis(99), compared.p99Ratio(),
							compared.p99Ratio() <= tail ? "yes" : "no"));
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
