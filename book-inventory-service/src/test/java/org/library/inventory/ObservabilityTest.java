package org.library.inventory;

import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.library.testsupport.Caller;
import org.library.testsupport.CatalogTopicFeed;
import org.library.testsupport.Http;
import org.library.testsupport.LibraryServiceTest;
import org.library.testsupport.ServiceUnderTest;
import org.library.testsupport.TopicRecords;
import org.library.testsupport.Traceparent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A consumer continues the trace of the record it reads: the withdrawal a catalog removal
 * causes is recorded in the trace of the request that removed the book. And the
 * consumer's lag is in the metrics.
 */
@LibraryServiceTest
class ObservabilityTest {

	private final ServiceUnderTest service;

	private final CatalogTopicFeed catalog;

	ObservabilityTest(ServiceUnderTest service, CatalogTopicFeed catalog) {
		this.service = service;
		this.catalog = catalog;
	}

	@Test
	void aWithdrawalIsRecordedInTheTraceOfTheRemovalThatCausedIt() {
		UUID book = catalog.bookAdded();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> service.http().get("/api/inventory/" + book).status() == 200);
		Traceparent removal = Traceparent.random();

		catalog.tombstone(book, "librarian", removal.header());

		ConsumerRecord<String, String> withdrawn = TopicRecords
			.awaitRecords(service.bootstrapServers(), "library.audit.book-inventory-service", book.toString(), 1)
			.getFirst();
		assertThat(withdrawn.value()).contains("\"BookWithdrawn\"");
		assertThat(Http.JSON.readTree(withdrawn.value()).get("traceId").asString()).isEqualTo(removal.traceId());
		assertThat(TopicRecords.header(withdrawn, "traceparent")).startsWith("00-" + removal.traceId() + "-");
	}

	@Test
	void prometheusShowsHowFarTheConsumerIsBehind() {
		catalog.bookAdded();

		Http.Response metrics = service.http().as(Caller.MACHINE).get("/actuator/prometheus");

		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).contains("kafka_consumer_fetch_manager_records_lag_max",
				"library_outbox_pending_events", "spring_kafka_listener_seconds_count");
	}

}
