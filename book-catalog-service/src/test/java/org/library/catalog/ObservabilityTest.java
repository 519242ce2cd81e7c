package org.library.catalog;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.library.testsupport.Caller;
import org.library.testsupport.Http;
import org.library.testsupport.ServiceUnderTest;
import org.library.testsupport.TopicRecords;
import org.library.testsupport.Traceparent;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.library.testsupport.AccessAssertions.assertForbidden;
import static org.library.testsupport.AccessAssertions.assertUnauthorized;

/**
 * What an operator sees of the catalog: the caller's trace followed into the records it
 * causes, metrics and health details for operators only, and log lines that name their
 * trace and actor.
 */
@CatalogIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityTest {

	private final ServiceUnderTest service;

	private final Http librarian;

	private final InMemorySpanExporter spans;

	ObservabilityTest(ServiceUnderTest service, @Autowired InMemorySpanExporter spans) {
		this.service = service;
		this.librarian = service.http().as(Caller.LIBRARIAN);
		this.spans = spans;
	}

	@Test
	void theRequestsStatementsAreSpansOfItsTraceAndStatementsNothingAskedForAreNot() {
		Traceparent trace = Traceparent.random();

		librarian.post("/api/books", TestBooks.json("Traced statements"), "Content-Type", "application/json",
				"traceparent", trace.header());

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(spans.getFinishedSpanItems())
				.filteredOn(span -> span.getTraceId().equals(trace.traceId()))
				.extracting(SpanData::getName)
				.contains("query", "http post /api/books"));
		// the relay polls its table several times a second: none of that is a trace of
		// its own
		assertThat(spans.getFinishedSpanItems()).filteredOn(span -> span.getName().equals("query"))
			.allSatisfy(
					span -> assertThat(span.getParentSpanContext().isValid()).as("a statement with a parent").isTrue());
	}

	@Test
	void theCallersTraceGoesWithTheBooksRecordAndItsAuditEvent() {
		Traceparent trace = Traceparent.random();

		String id = librarian
			.post("/api/books", TestBooks.json("Traced"), "Content-Type", "application/json", "traceparent",
					trace.header())
			.json()
			.get("id")
			.asString();

		ConsumerRecord<String, String> record = TopicRecords
			.awaitRecords(service.bootstrapServers(), BookTopicTest.TOPIC, id, 1)
			.getFirst();
		ConsumerRecord<String, String> audit = TopicRecords
			.awaitRecords(service.bootstrapServers(), "library.audit.book-catalog-service", id, 1)
			.getFirst();
		// the service's own span, in the caller's trace
		assertThat(TopicRecords.header(record, "traceparent")).startsWith("00-" + trace.traceId() + "-")
			.doesNotContain(trace.parentId());
		assertThat(TopicRecords.header(audit, "traceparent")).startsWith("00-" + trace.traceId() + "-");
		assertThat(Http.JSON.readTree(audit.value()).get("traceId").asString()).isEqualTo(trace.traceId());
	}

	@Test
	void aTraceTheCallerLeftOutLeavesNoSpansUnlessItsRequestWasSlowThenItsEntrySpanAlone() throws Exception {
		Traceparent quick = Traceparent.random();
		Traceparent slow = Traceparent.random();
		assertThat(service.http().get("/api/books?q=quick", "traceparent", quick.unsampledHeader()).status())
			.isEqualTo(200);

		// the superuser holds the table for longer than library.tracing.keep-slower-than
		try (Connection superuser = DriverManager.getConnection(service.jdbcUrl(), "postgres", "postgres");
				Statement sql = superuser.createStatement()) {
			superuser.setAutoCommit(false);
			sql.execute("LOCK TABLE book_catalog.book IN ACCESS EXCLUSIVE MODE");
			CompletableFuture<Http.Response> waiting = CompletableFuture
				.supplyAsync(() -> service.http().get("/api/books?q=slow", "traceparent", slow.unsampledHeader()));
			// until the request has waited at the lock longer than the threshold
			await().atMost(Duration.ofSeconds(10)).until(() -> waitedAtTheLock(sql) >= 800);
			superuser.rollback();
			assertThat(waiting.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
		}

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(spans.getFinishedSpanItems())
				.filteredOn(span -> span.getTraceId().equals(slow.traceId()))
				.singleElement()
				.satisfies(span -> assertThat(span.getKind()).isEqualTo(SpanKind.SERVER))
				.satisfies(span -> assertThat(span.getName()).isEqualTo("http get /api/books")));
		assertThat(spans.getFinishedSpanItems()).noneMatch(span -> span.getTraceId().equals(quick.traceId()));
	}

	private static long waitedAtTheLock(Statement sql) throws SQLException {
		try (ResultSet waited = sql
			.executeQuery("SELECT coalesce(max(extract(epoch FROM clock_timestamp() - query_start) * 1000), 0) "
					+ "FROM pg_stat_activity WHERE usename = 'book_catalog_app' AND wait_event_type = 'Lock'")) {
			waited.next();
			return waited.getLong(1);
		}
	}

	@Test
	void workWithoutACallersTraceStartsItsOwn() {
		String id = librarian.post("/api/books", TestBooks.json("Untraced")).json().get("id").asString();

		JsonNode audit = Http.JSON
			.readTree(TopicRecords.awaitRecords(service.bootstrapServers(), "library.audit.book-catalog-service", id, 1)
				.getFirst()
				.value());

		assertThat(audit.get("traceId").asString()).matches("[0-9a-f]{32}");
	}

	@Test
	void prometheusShowsTheOutboxRequestsAndClientsToMachineClientsOnly() {
		librarian.post("/api/books", TestBooks.json("Counted"));

		assertUnauthorized(service.http().get("/actuator/prometheus"));
		assertForbidden(librarian.get("/actuator/prometheus"));
		Http.Response metrics = service.http().as(Caller.MACHINE).get("/actuator/prometheus");

		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).contains("library_outbox_pending_events", "library_outbox_oldest_age_seconds",
				"library_outbox_sent_events_total", "library_outbox_failures_total",
				"http_server_requests_seconds_count", "hikaricp_connections_active", "jvm_memory_used_bytes",
				"kafka_producer_record_send_total");
	}

	@Test
	void healthShowsWhatItsPartsHoldToOperatorsOnly() {
		JsonNode anonymous = service.http().get("/actuator/health").json();
		JsonNode operator = service.http().as(Caller.MACHINE).get("/actuator/health").json();

		assertThat(anonymous.path("components").path("outbox").path("status").asString()).isEqualTo("UP");
		assertThat(anonymous.path("components").path("outbox").has("details")).isFalse();
		assertThat(operator.path("components").path("outbox").path("details").has("pending")).isTrue();
		assertThat(service.http().get("/actuator/health/readiness").json().toString()).doesNotContain("details");
	}

	@Test
	void everyLineServingARequestNamesItsTraceAndItsActor(CapturedOutput output) {
		Traceparent trace = Traceparent.random();

		// a reader may not add books: the refusal is logged while serving the request
		var refused = service.http()
			.as(Caller.ADA)
			.post("/api/books", TestBooks.json("Not hers to add"), "Content-Type", "application/json", "traceparent",
					trace.header());

		assertThat(refused.status()).isEqualTo(403);
		assertThat(Arrays.stream(output.getAll().split("\\R")).filter(line -> line.contains(trace.traceId())))
			.as("lines of the refused request")
			.isNotEmpty()
			.allSatisfy(line -> assertThat(line).contains(",ada]"))
			.anySatisfy(line -> assertThat(line).contains("Refused POST /api/books"));
	}

}
