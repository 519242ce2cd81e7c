package org.library.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.library.platform.kafka.RefusedProducers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends stored outbox events to Kafka in the order they were stored, and deletes them
 * once the broker has acknowledged every one of a batch. A failed batch stays and is
 * retried with backoff, for as long as it takes; a batch that was partly sent is sent
 * again, which consumers absorb (they are idempotent).
 *
 * <p>
 * At most one relay per service schema sends at a time, however many instances of the
 * service run: each batch is sent under a transaction-scoped advisory lock named after
 * the schema, and an instance that cannot take it leaves the batch to the one that holds
 * it. Batches therefore reach Kafka one after another, in the order of the outbox, and
 * per-key order holds on every topic. When the holder dies, its transaction ends, the
 * lock is free, and another instance takes over at its next poll.
 *
 * <p>
 * The relay thread never dies of a failure: anything thrown is caught, reported once per
 * incident, and retried with backoff.
 */
class OutboxRelay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final KafkaTemplate<String, byte[]> kafka;

	private final JsonMapper json;

	private final OutboxProperties properties;

	private final Semaphore wakeUps = new Semaphore(0);

	private volatile boolean running;

	/** When the current incident began, or {@code null} while batches go through. */
	private volatile Instant failingSince;

	private volatile String lastError;

	private Thread worker;

	private volatile Counter delivered = noCounter("sent");

	private volatile Counter failures = noCounter("failures");

	/** The backlog as metrics last saw it: one query serves both gauges of a scrape. */
	private volatile Backlog lastBacklog;

	private volatile long lastBacklogAt;

	OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, KafkaTemplate<String, byte[]> kafka, JsonMapper json,
			OutboxProperties properties) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.kafka = kafka;
		this.json = json;
		this.properties = properties;
	}

	void wakeUp() {
		wakeUps.release();
	}

	@Override
	public void start() {
		running = true;
		worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::relayUntilStopped);
	}

	@Override
	public void stop() {
		running = false;
		wakeUp();
		try {
			worker.join(properties.shutdownTimeout().toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			kafka.getProducerFactory().reset();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private void relayUntilStopped() {
		Duration backoff = properties.initialBackoff();
		while (running) {
			try {
				int sent = relayBatch();
				delivered.increment(sent);
				if (failingSince != null) {
					log.info("Outbox relay delivers again, after {} s",
							Duration.between(failingSince, Instant.now()).toSeconds());
					failingSince = null;
					lastError = null;
				}
				backoff = properties.initialBackoff();
				if (sent < properties.batchSize()) {
					wakeUps.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
					wakeUps.drainPermits();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (Throwable ex) { // NOSONAR: the relay must outlive any failure, and say
									// so
				failures.increment();
				lastError = rootMessage(ex);
				RefusedProducers.resetIfRefused(kafka.getProducerFactory(), ex);
				if (failingSince == null) {
					failingSince = Instant.now();
					if (ex instanceof Exception) {
						log.warn("Outbox relay cannot deliver yet, retrying with backoff: {}", lastError);
					}
					else {
						log.error("Outbox relay failed, retrying with backoff: {}", lastError, ex);
					}
				}
				pause(backoff);
				backoff = min(backoff.multipliedBy(2), properties.maxBackoff());
			}
		}
	}

	/**
	 * Relays one batch in one transaction: the rows are deleted only if every record was
	 * acknowledged.
	 * @return how many events were sent; none when another instance holds the relay lock
	 */
	int relayBatch() {
		Integer sent = transactions.execute(status -> {
			boolean relaying = jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtext(current_schema() || '.outbox'))")
				.query(Boolean.class)
				.single();
			if (!relaying) {
				return 0;
			}
			List<StoredEvent> batch = jdbc
				.sql("SELECT id, topic, record_key, payload, headers::text AS headers FROM outbox_event "
						+ "ORDER BY id LIMIT ?")
				.param(properties.batchSize())
				.query((row, n) -> new StoredEvent(row.getLong("id"), row.getString("topic"),
						row.getString("record_key"), row.getString("payload"), row.getString("headers")))
				.list();
			if (batch.isEmpty()) {
				return 0;
			}
			List<CompletableFuture<?>> acks = new ArrayList<>(batch.size());
			for (StoredEvent event : batch) {
				acks.add(kafka.send(toRecord(event)));
			}
			try {
				CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
					.get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while Kafka acknowledged the batch", ex);
			}
			catch (ExecutionException | TimeoutException ex) {
				throw new IllegalStateException("Kafka did not acknowledge the batch: " + rootMessage(ex), ex);
			}
			jdbc.sql("DELETE FROM outbox_event WHERE id = ANY(?)")
				.param(batch.stream().map(StoredEvent::id).toArray(Long[]::new))
				.update();
			return batch.size();
		});
		return sent == null ? 0 : sent;
	}

	/**
	 * What waits to be relayed, for health: how many events and how old the oldest is.
	 */
	Backlog backlog() {
		// the age on the database's clock, the one that stamped created_at
		return jdbc
			.sql("SELECT count(*) AS pending, coalesce(extract(epoch FROM now() - min(created_at)), 0) AS age "
					+ "FROM outbox_event")
			.query((row, n) -> new Backlog(row.getLong("pending"),
					Duration.ofMillis((long) (row.getDouble("age") * 1000)), failingSince, lastError))
			.single();
	}

	record Backlog(long pending, Duration oldestAge, Instant failingSince, String lastError) {
	}

	void bindTo(MeterRegistry registry) {
		delivered = Counter.builder("library.outbox.sent")
			.description("Events the relay delivered to Kafka")
			.baseUnit("events")
			.register(registry);
		failures = Counter.builder("library.outbox.failures")
			.description("Batches Kafka did not acknowledge (retried with backoff)")
			.register(registry);
		Gauge.builder("library.outbox.pending", this, relay -> relay.backlogForMetrics(Backlog::pending))
			.description("Events stored and not yet delivered")
			.baseUnit("events")
			.register(registry);
		Gauge
			.builder("library.outbox.oldest.age", this,
					relay -> relay.backlogForMetrics(backlog -> backlog.oldestAge().toMillis() / 1000.0))
			.description("How long the oldest undelivered event has waited")
			.baseUnit("seconds")
			.register(registry);
	}

	/**
	 * A backlog figure for a gauge; NaN while the database cannot say (a gap in the
	 * graph, not a zero).
	 */
	private double backlogForMetrics(ToDoubleFunction<Backlog> figure) {
		try {
			if (lastBacklog == null || System.nanoTime() - lastBacklogAt > 1_000_000_000L) {
				lastBacklog = backlog();
				lastBacklogAt = System.nanoTime();
			}
			return figure.applyAsDouble(lastBacklog);
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

	private static Counter noCounter(String name) {
		return Counter.builder("library.outbox.unbound." + name).register(new SimpleMeterRegistry());
	}

	private ProducerRecord<String, byte[]> toRecord(StoredEvent event) {
		byte[] value = event.payload() == null ? null : event.payload().getBytes(StandardCharsets.UTF_8);
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(event.topic(), event.key(), value);
		json.readValue(event.headers(), HEADERS)
			.forEach((name, header) -> record.headers()
				.add(new RecordHeader(name, header.getBytes(StandardCharsets.UTF_8))));
		return record;
	}

	private void pause(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			running = false;
		}
	}

	private static Duration min(Duration a, Duration b) {
		return a.compareTo(b) <= 0 ? a : b;
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = NestedExceptionUtils.getMostSpecificCause(ex);
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

	private record StoredEvent(long id, String topic, String key, String payload, String headers) {
	}

}
