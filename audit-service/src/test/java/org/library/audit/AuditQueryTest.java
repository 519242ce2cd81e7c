package org.library.audit;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.library.testsupport.Caller;
import org.library.testsupport.Http;
import org.library.testsupport.LibraryServiceTest;
import org.library.testsupport.ServiceUnderTest;
import org.library.testsupport.Traceparent;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@LibraryServiceTest
class AuditQueryTest {

	private final ServiceUnderTest service;

	private final Http http;

	AuditFeed feed;

	AuditQueryTest(ServiceUnderTest service) {
		this.service = service;
		this.http = service.http().as(Caller.AUDITOR);
	}

	@BeforeEach
	void setUp() {
		feed = new AuditFeed(service.bootstrapServers());
	}

	@AfterEach
	void tearDown() {
		feed.close();
	}

	@Test
	void filtersBySourceActionEntityTypeEntityIdActorAndTime() {
		String marker = UUID.randomUUID().toString().substring(0, 8);
		String book = "book-" + marker;
		Instant hourAgo = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
		Instant now = Instant.now();
		send(book, hourAgo, "book-catalog-service", "ada-" + marker, "BookAdded");
		// the two services' topics are read independently: the trail's order is the order
		// events arrive in
		await().atMost(Duration.ofSeconds(30)).until(() -> actions("entityId=" + book).size() == 1);
		send(book, now, "book-inventory-service", "ada-" + marker, "CopiesAdded");
		send(book, now, "book-inventory-service", "bob-" + marker, "LoanOpened");
		await().atMost(Duration.ofSeconds(30)).until(() -> actions("entityId=" + book).size() == 3);

		assertThat(actions("entityId=" + book)).containsExactly("LoanOpened", "CopiesAdded", "BookAdded");
		assertThat(actions("entityId=" + book + "&source=book-inventory-service")).containsExactly("LoanOpened",
				"CopiesAdded");
		assertThat(actions("entityId=" + book + "&source=book-catalog-service")).containsExactly("BookAdded");
		assertThat(actions("actor=ada-" + marker)).containsExactly("CopiesAdded", "BookAdded");
		assertThat(actions("entityId=" + book + "&action=CopiesAdded")).containsExactly("CopiesAdded");
		assertThat(actions("entityId=" + book + "&entityType=Book")).hasSize(3);
		assertThat(actions("entityId=" + book + "&entityType=Reader")).isEmpty();
		// two or three of source, action and entity type: a kind the trail holds, and
		// kinds no event has
		assertThat(actions("entityId=" + book + "&source=book-inventory-service&action=LoanOpened&entityType=Book"))
			.containsExactly("LoanOpened");
		assertThat(actions("entityId=" + book + "&source=book-catalog-service&entityType=Book"))
			.containsExactly("BookAdded");
		assertThat(actions("entityId=" + book + "&source=book-catalog-service&action=LoanOpened")).isEmpty();
		assertThat(actions("entityId=" + book + "&action=LoanOpened&entityType=Reader")).isEmpty();
		assertThat(actions("actor=ada-" + marker + "&from=" + hourAgo.plusSeconds(1))).containsExactly("CopiesAdded");
		assertThat(actions("entityId=" + book + "&to=" + hourAgo.plusSeconds(1))).containsExactly("BookAdded");
		assertThat(actions("entityId=" + book + "&from=" + hourAgo.plusSeconds(1))).containsExactly("LoanOpened",
				"CopiesAdded");
	}

	@Test
	void storesAnEventOfAnyDateInItsMonthAndAWindowFindsItThere() {
		String book = "dated-" + UUID.randomUUID();
		Instant now = Instant.now();
		// a month made at start, a month long past that nobody made, and a time far ahead
		Instant lastYear = now.minus(400, ChronoUnit.DAYS);
		Instant later = now.plus(3650, ChronoUnit.DAYS);
		send(book, now, AuditFeed.SOURCE, "a", "Now");
		send(book, lastYear, AuditFeed.SOURCE, "a", "LastYear");
		send(book, later, AuditFeed.SOURCE, "a", "Later");
		await().atMost(Duration.ofSeconds(30)).until(() -> actions("entityId=" + book).size() == 3);

		assertThat(service.as("audit_owner")
			.sql("SELECT action, tableoid::regclass::text FROM audit_event WHERE entity_id = ? ORDER BY seq")
			.param(book)
			.query((row, n) -> row.getString(1) + " in " + row.getString(2))
			.list())
			.containsExactly("Now in audit_event_" + java.time.format.DateTimeFormatter.ofPattern("yyyy_MM")
				.withZone(java.time.ZoneOffset.UTC)
				.format(now), "LastYear in audit_event_other_times", "Later in audit_event_other_times");
		assertThat(actions("entityId=" + book + "&from=" + now.minusSeconds(60) + "&to=" + now.plusSeconds(60)))
			.containsExactly("Now");
		assertThat(actions("entityId=" + book + "&to=" + lastYear.plusSeconds(1))).containsExactly("LastYear");
		assertThat(actions("entityId=" + book + "&from=" + later)).containsExactly("Later");
		assertThat(actions("from=" + lastYear + "&to=" + lastYear.plusSeconds(1) + "&limit=500")).contains("LastYear");
	}

	@Test
	void findsEveryEventOfOneTraceAndReturnsItsTraceId() {
		String book = "traced-" + UUID.randomUUID();
		String trace = Traceparent.random().traceId();
		String other = Traceparent.random().traceId();
		for (String[] event : new String[][] { { "BookRemoved", trace }, { "BookWithdrawn", trace },
				{ "CopiesAdded", other } }) {
			UUID id = UUID.randomUUID();
			feed.send(id, AuditFeed.event(id, Instant.now(), AuditFeed.SOURCE, "librarian", event[0], book)
				.replace("\"details\"", "\"traceId\":\"" + event[1] + "\",\"details\""), book);
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> actions("entityId=" + book).size() == 3);

		assertThat(actions("traceId=" + trace)).containsExactly("BookWithdrawn", "BookRemoved");
		assertThat(field("traceId=" + trace, "traceId")).containsOnly(trace);
	}

	@Test
	void pagesNewestFirstWithoutGapsOrRepeatsWhileEventsKeepArriving() {
		String book = "paged-" + UUID.randomUUID();
		List<String> sent = new ArrayList<>();
		for (int i = 0; i < 25; i++) {
			sent.add(send(book, Instant.now(), AuditFeed.SOURCE, "a", "Event" + i).toString());
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> ids("entityId=" + book + "&limit=500").size() == 25);

		List<String> paged = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			JsonNode page = http
				.get("/api/audit-events?entityId=" + book + "&limit=10" + (cursor == null ? "" : "&cursor=" + cursor))
				.json();
			page.get("items").forEach(event -> paged.add(event.get("id").asString()));
			cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
			pages++;
			// newer events arrive between pages; they belong before the first page, not
			// inside the walk
			String arriving = send(book, Instant.now(), AuditFeed.SOURCE, "a", "Late" + pages).toString();
			await().atMost(Duration.ofSeconds(30)).until(() -> ids("entityId=" + book + "&limit=1").contains(arriving));
		}
		while (cursor != null);

		assertThat(pages).isEqualTo(3);
		assertThat(paged).doesNotHaveDuplicates().containsExactlyElementsOf(sent.reversed());
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "limit=0|limit", "limit=501|limit", "limit=many|limit", "from=yesterday|from",
					"to=2026-13-40T00:00:00Z|to", "cursor=not-a-cursor|cursor", "cursor=c2VxOi0x|cursor",
					"from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z|to", "entityId=|entityId",
					"traceId=4BF92F3577B34DA6A3CE929D0E0E4736|traceId", "traceId=4bf92f35|traceId" })
	void rejectsABadFilterNamingIt(String query, String field) {
		var response = http.get("/api/audit-events?" + query);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
	}

	@Test
	void rejectsAFilterValueOver200Characters() {
		var response = http.get("/api/audit-events?actor=" + "x".repeat(201));

		assertThat(response.status()).isEqualTo(400);
	}

	@Test
	void offersNoWayToWriteTheTrail() {
		String book = "unwritable-" + UUID.randomUUID();
		send(book, Instant.now(), AuditFeed.SOURCE, "a", "BookAdded");
		await().atMost(Duration.ofSeconds(30)).until(() -> actions("entityId=" + book).size() == 1);
		String event = AuditFeed.event(UUID.randomUUID(), Instant.now(), AuditFeed.SOURCE, "a", "Forged", book);

		// even an auditor: the trail is read over HTTP, never written (no rule allows it,
		// and no handler exists)
		assertThat(http.post("/api/audit-events", event).status()).isEqualTo(403);
		assertThat(http.put("/api/audit-events", event).status()).isEqualTo(403);
		assertThat(http.delete("/api/audit-events").status()).isEqualTo(403);
		String id = ids("entityId=" + book).getFirst();
		assertThat(http.delete("/api/audit-events/" + id).status()).isEqualTo(403);
		assertThat(http
			.send(http.builder("/api/audit-events/" + id, "Content-Type", "application/json")
				.method("PATCH", HttpRequest.BodyPublishers.ofString(event)))
			.status()).isEqualTo(403);

		assertThat(actions("entityId=" + book)).containsExactly("BookAdded");
	}

	@Test
	void servesTheEventContractOfTheAuditTopic() {
		var asyncApi = http.get("/contracts/asyncapi.yaml");
		assertThat(asyncApi.status()).isEqualTo(200);
		assertThat(asyncApi.body()).contains("address: library.audit");
		assertThat(http.get("/contracts/schemas/audit-event.schema.json").json().get("title").asString())
			.isEqualTo("Audit event");
	}

	@Test
	void servesOpenApiAndHealthProbes() {
		assertThat(http.get("/v3/api-docs").json().get("paths").has("/api/audit-events")).isTrue();
		assertThat(http.get("/actuator/health/readiness").json().get("status").asString()).isEqualTo("UP");
	}

	private UUID send(String entityId, Instant occurredAt, String source, String actor, String action) {
		UUID id = UUID.randomUUID();
		feed.send(id, AuditFeed.event(id, occurredAt, source, actor, action, entityId), entityId);
		return id;
	}

	private List<String> actions(String query) {
		return field(query, "action");
	}

	private List<String> ids(String query) {
		return field(query, "id");
	}

	private List<String> field(String query, String field) {
		List<String> values = new ArrayList<>();
		http.get("/api/audit-events?" + query)
			.json()
			.get("items")
			.forEach(event -> values.add(event.get(field).asString()));
		return values;
	}

	@Test
	void instantsBeyondWhatTheTrailHoldsAreRefusedNamingTheParameter() {
		var early = http.get("/api/audit-events?from=-999999999-01-01T00:00:00Z");
		assertThat(early.status()).isEqualTo(400);
		assertThat(early.json().get("errors").get(0).get("field").asString()).isEqualTo("from");
		var late = http.get("/api/audit-events?to=%2B294277-01-01T00:00:00Z");
		assertThat(late.status()).isEqualTo(400);
		assertThat(late.json().get("errors").get(0).get("field").asString()).isEqualTo("to");
		assertThat(http.get("/api/audit-events?actor=%00").status()).isEqualTo(400);
	}

}
