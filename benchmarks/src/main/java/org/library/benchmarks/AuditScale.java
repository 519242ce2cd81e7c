package org.library.benchmarks;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The audit trail at ten million events over two years: loaded through SQL, as years of a
 * library's work would have left it, then taken into the Merkle log by the audit service
 * itself, then asked every kind of question the query API offers, one at a time at a
 * steady rate, as an auditor's tool would.
 */
final class AuditScale {

	static final int EVENTS = 10_000_000;

	private static final int DAYS = 730;

	private static final int BOOKS = 100_000;

	private static final int READERS = 50_000;

	private static final double RATE = 20;

	/** The advisory lock of every append (AuditLog.APPEND_LOCK). */
	private static final long APPEND_LOCK = 0x6C6962_417564L;

	private static final Pattern ITEMS = Pattern.compile("\"action\":");

	private static final Pattern NEXT = Pattern.compile("\"nextCursor\":(null|\"[^\"]*\")");

	private final RunningStack stack;

	private final Duration step;

	AuditScale(RunningStack stack, Duration step) {
		this.stack = stack;
		this.step = step;
	}

	/** The report's section. */
	String run(Consumer<String> say) throws Exception {
		say.accept("Loading %,d audit events over %d days through SQL".formatted(EVENTS, DAYS));
		long loading = System.nanoTime();
		long base = load(say);
		double loadSeconds = (System.nanoTime() - loading) / 1e9;
		say.accept("  loaded in %.0f s; waiting for the audit service to take them into its Merkle log"
			.formatted(loadSeconds));
		long integrating = System.nanoTime();
		integrated(base + EVENTS, say);
		double integrateSeconds = (System.nanoTime() - integrating) / 1e9;
		say.accept("  integrated in %.0f s".formatted(integrateSeconds));

		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Instant monthAgo = now.minus(30, ChronoUnit.DAYS);
		// a window a year back, ending mid-month: two months touched, neither whole
		Instant yearAgo = now.minus(365, ChronoUnit.DAYS);
		Instant dayAgo = now.minus(1, ChronoUnit.DAYS);
		String book = "book-" + 4242;
		String reader = "reader-" + 4242;
		// the trace of three events a few hours old
		String trace = "%032x".formatted((EVENTS - 3_000) / 3 + base);
		String window = "&from=" + monthAgo + "&to=" + now;
		String oldWindow = "&from=" + yearAgo.minus(30, ChronoUnit.DAYS) + "&to=" + yearAgo;
		String day = "&from=" + dayAgo + "&to=" + now;
		long middle = seq(base + EVENTS / 2);

		Map<String, String> queries = new LinkedHashMap<>();
		queries.put("the newest page, no filter", "");
		queries.put("no filter, a page deep in the trail (a cursor 5 M back)", "&cursor=" + cursor(middle));
		queries.put("a 30-day window", window);
		queries.put("a 30-day window a year back, across two months", oldWindow);
		queries.put("one day", day);
		queries.put("a source", "&source=book-inventory-service");
		queries.put("an action (`LoanOpened`, 35 %)", "&action=LoanOpened");
		queries.put("a rare action (`HoldPlaced`, 5 %)", "&action=HoldPlaced");
		queries.put("an entity type (`ReadingListItem`)", "&entityType=ReadingListItem");
		queries.put("an entity id (a book, 100 events)", "&entityId=" + book);
		queries.put("an actor (a reader, about 180 events)", "&actor=" + reader);
		queries.put("a trace id", "&traceId=" + trace);
		queries.put("an action within one day", "&action=LoanOpened" + day);
		queries.put("a rare action a year back", "&action=HoldPlaced" + oldWindow);
		queries.put("a source within 30 days", "&source=book-catalog-service" + window);
		queries.put("an entity id within 30 days", "&entityId=" + book + window);
		queries.put("an actor within 30 days", "&actor=" + reader + window);
		queries.put("an actor and an action", "&actor=" + reader + "&action=LoanReturned");
		queries.put("an entity id and an action", "&entityId=" + book + "&action=LoanOpened");
		queries.put("source, action and entity type",
				"&source=book-inventory-service&action=LoanOpened&entityType=Book");
		queries.put("a source and an action no event has together", "&source=book-catalog-service&action=LoanOpened");
		queries.put("a trace id within 30 days", "&traceId=" + trace + window);

		String auditor = new org.library.testsupport.Tokens(stack.issuer()).forPerson("auditor",
				stack.password("auditor"));
		String trail = stack.url("audit-service") + "/api/audit-events?limit=50";
		OpenLoad one = new OpenLoad(1);
		StringBuilder report = new StringBuilder();
		report.append(("| audit trail at %,d events over %d days (loaded through SQL in %.0f s, taken into the "
				+ "Merkle log in %.0f s), one auditor at %.0f/s, pages of 50 | found | p50 | p99 | p99.9 |\n")
			.formatted(EVENTS, DAYS, loadSeconds, integrateSeconds, RATE));
		report.append("|---|---|---:|---:|---:|\n");
		List<String> over = new ArrayList<>();
		for (Map.Entry<String, String> query : queries.entrySet()) {
			String url = trail + query.getValue();
			String found = found(url, auditor);
			LongFunction<HttpRequest> request = i -> CatalogScale.get(url, auditor);
			one.run(RATE, Duration.ofSeconds(3), request);
			OpenLoad.Step measured = one.run(RATE, step, request);
			say.accept("  %s: %s, %s".formatted(query.getKey(), found, measured));
			if (measured.errors() > 0) {
				throw new IllegalStateException(query.getKey() + ": " + measured.errorSample());
			}
			if (measured.millis(99) > 50) {
				over.add(query.getKey());
			}
			report.append("| %s | %s | %.1f ms | %.1f ms | %.1f ms |\n".formatted(query.getKey(), found,
					measured.millis(50), measured.millis(99), measured.millis(99.9)));
		}
		report.append("\nTarget: p99 at most 50 ms for each. ")
			.append(over.isEmpty() ? "Met by every query." : "Not met by: " + String.join("; ", over) + ".")
			.append('\n');
		return report.toString();
	}

	/**
	 * Two years of work: a third of it loans opened and returned, the rest books added,
	 * holds, reading lists; 100,000 books, 50,000 readers, 20 librarians, three events to
	 * a trace. Every actor is stored as the service stores it, a salted hash with the
	 * name and salt beside it. The rows take the next places of the log and the head
	 * moves past them, as the triggers would have done (they are off for the load, with
	 * the indexes, which are built again after: that is how a restore is made fast).
	 * @return the first place loaded
	 */
	private long load(Consumer<String> say) throws SQLException {
		try (Connection connection = stack.connectAsSuperuser(); Statement sql = connection.createStatement()) {
			sql.execute("SET search_path = audit");
			sql.execute("SET maintenance_work_mem = '256MB'");
			sql.execute("SELECT audit_event_make_month(month::date) FROM generate_series(date_trunc('month', "
					+ "(now() AT TIME ZONE 'UTC') - interval '" + DAYS + " days'), now() AT TIME ZONE 'UTC', "
					+ "interval '1 month') AS month");
			connection.setAutoCommit(false);
			sql.execute("SELECT pg_advisory_xact_lock(" + APPEND_LOCK + ")");
			long base = CatalogScale.count(sql, "SELECT size FROM tree_head FOR UPDATE");
			List<String> indexes = new ArrayList<>();
			try (ResultSet row = sql.executeQuery("""
					SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid)
					  FROM pg_constraint c
					 WHERE c.conrelid IN ('audit_event'::regclass, 'personal_name'::regclass) AND c.contype = 'p'""")) {
				while (row.next()) {
					indexes.add("ALTER TABLE %s ADD CONSTRAINT %s %s".formatted(row.getString(1), row.getString(2),
							row.getString(3)));
				}
			}
			try (ResultSet row = sql.executeQuery(
					"""
							SELECT pg_get_indexdef(i.indexrelid)
							  FROM pg_index i
							 WHERE i.indrelid IN ('audit_event'::regclass, 'personal_name'::regclass) AND NOT i.indisprimary""")) {
				while (row.next()) {
					// a partitioned table's index is defined ON ONLY the parent; built
					// again, it is built on every month
					indexes.add(row.getString(1).replace(" ON ONLY ", " ON "));
				}
			}
			sql.execute("ALTER TABLE audit_event DROP CONSTRAINT audit_event_pkey");
			sql.execute("ALTER TABLE personal_name DROP CONSTRAINT personal_name_pkey");
			sql.execute(
					"""
							DROP INDEX audit_event_by_seq, audit_event_by_source, audit_event_by_action, audit_event_by_entity_type,
							    audit_event_by_entity_id, audit_event_by_trace_id, audit_event_by_occurred_at,
							    audit_event_by_leaf_index, personal_name_by_name""");
			sql.execute("SET LOCAL session_replication_role = replica");
			long rows = System.nanoTime();
			sql.execute(
					"""
							INSERT INTO audit_event (id, occurred_at, source, actor, action, entity_type, entity_id, details,
							                         trace_id, leaf_index)
							SELECT gen_random_uuid(), now() - interval '%1$d days' + k * (interval '%1$d days' / %2$d),
							       kind.source,
							       'sha256:' || encode(sha256(salt || convert_to(name, 'UTF8')), 'base64'),
							       kind.action, kind.entity_type, 'book-' || abs(hashint8extended(k, 1) %% %3$d),
							       jsonb_build_object('copies', k %% 3), lpad(to_hex((k / 3) + %5$d), 32, '0'), %5$d + k - 1
							  FROM generate_series(1::bigint, %2$d) AS k
							  CROSS JOIN LATERAL (SELECT substring(sha256(k::text::bytea) FROM 1 FOR 16) AS salt,
							                             CASE WHEN k %% 20 < 2 THEN 'librarian-' || (k %% 20)
							                                  ELSE 'reader-' || abs(hashint8extended(k, 2) %% %4$d) END AS name) AS person
							  CROSS JOIN LATERAL (SELECT * FROM (VALUES
							      (0, 'book-catalog-service', 'BookAdded', 'Book'),
							      (1, 'book-catalog-service', 'BookUpdated', 'Book'),
							      (2, 'book-inventory-service', 'LoanOpened', 'Book'),
							      (9, 'book-inventory-service', 'LoanReturned', 'Book'),
							      (15, 'book-inventory-service', 'CopiesAdded', 'Book'),
							      (16, 'book-inventory-service', 'HoldPlaced', 'Book'),
							      (17, 'reading-list-service', 'BookListed', 'ReadingListItem'),
							      (19, 'reading-list-service', 'ReadingStatusChanged', 'ReadingListItem'))
							        AS kinds (from_k, source, action, entity_type)
							     WHERE from_k <= k %% 20 ORDER BY from_k DESC LIMIT 1) AS kind"""
						.formatted(DAYS, EVENTS, BOOKS, READERS, base));
			sql.execute("""
					INSERT INTO personal_name (event_id, field, seq, occurred_at, name, salt)
					SELECT id, 'actor', seq, occurred_at,
					       CASE WHEN k %% 20 < 2 THEN 'librarian-' || (k %% 20)
					            ELSE 'reader-' || abs(hashint8extended(k, 2) %% %d) END,
					       substring(sha256(k::text::bytea) FROM 1 FOR 16)
					  FROM (SELECT id, seq, occurred_at, leaf_index - %d + 1 AS k FROM audit_event
					         WHERE leaf_index >= %d) AS loaded""".formatted(READERS, base, base));
			// what the trigger that moves the head keeps beside it
			sql.execute("INSERT INTO event_kind SELECT DISTINCT source, action, entity_type FROM audit_event "
					+ "ON CONFLICT DO NOTHING");
			sql.execute("""
					INSERT INTO event_hour AS known (hour, low_seq, high_seq)
					SELECT date_bin('1 hour', occurred_at, timestamptz '2000-01-01 00:00:00+00'), min(seq), max(seq)
					  FROM audit_event WHERE leaf_index >= %d GROUP BY 1
					ON CONFLICT (hour) DO UPDATE SET low_seq = least(known.low_seq, excluded.low_seq),
					                                 high_seq = greatest(known.high_seq, excluded.high_seq)"""
				.formatted(base));
			sql.execute("UPDATE tree_head SET size = size + " + EVENTS);
			say.accept("  rows in %.0f s; building the indexes again".formatted((System.nanoTime() - rows) / 1e9));
			for (String index : indexes) {
				sql.execute(index);
			}
			connection.commit();
			connection.setAutoCommit(true);
			// as autovacuum would in time: statistics, and the visibility map that lets a
			// page be cut from an index alone
			sql.execute("VACUUM ANALYZE audit_event, personal_name, event_kind");
			return base;
		}
	}

	/** Waits until the Merkle log holds {@code size} leaves, saying how far it came. */
	private void integrated(long size, Consumer<String> say) throws Exception {
		try (Connection connection = stack.connectAsSuperuser(); Statement sql = connection.createStatement()) {
			long said = System.nanoTime();
			while (true) {
				long leaves = CatalogScale.count(sql,
						"SELECT coalesce(max(index) + 1, 0) FROM audit.tree_node WHERE level = 0");
				if (leaves >= size) {
					return;
				}
				if (System.nanoTime() - said > 60e9) {
					say.accept("    %,d of %,d leaves".formatted(leaves, size));
					said = System.nanoTime();
				}
				Thread.sleep(1_000);
			}
		}
	}

	/** The recording position of the event at a place, for a cursor deep in the trail. */
	private long seq(long place) throws SQLException {
		try (Connection connection = stack.connectAsSuperuser(); Statement sql = connection.createStatement()) {
			return CatalogScale.count(sql, "SELECT seq FROM audit.audit_event WHERE leaf_index = " + place);
		}
	}

	/**
	 * The API's cursor for a page after {@code seq}: opaque to callers, built here only
	 * to start 5 million events deep without paging there.
	 */
	private static String cursor(long seq) {
		return java.util.Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(("seq:" + seq).getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	/** How many the page holds, and whether the trail has more. */
	private static String found(String url, String token) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(CatalogScale.get(url, token), HttpResponse.BodyHandlers.ofString());
		String body = response.body();
		if (response.statusCode() != 200) {
			throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + body);
		}
		long items = ITEMS.matcher(body).results().count();
		Matcher next = NEXT.matcher(body);
		boolean more = next.find() && !next.group(1).equals("null");
		return more ? "%d, and more".formatted(items) : "%d".formatted(items);
	}

}
