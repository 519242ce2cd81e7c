package org.library.benchmarks;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * How long an event takes from the transaction that made it to Kafka (its outbox time,
 * {@code ce_time}, to the record's timestamp, which the relay's producer sets as it
 * sends), and to its row in the audit trail ({@code occurredAt} to {@code recorded_at}).
 */
final class EventPath implements AutoCloseable {

	/** The lends' audit events: the inventory's own audit topic. */
	private static final String TOPIC = "library.audit.book-inventory-service";

	private final RunningStack stack;

	private final KafkaConsumer<byte[], byte[]> consumer;

	private final List<TopicPartition> partitions;

	EventPath(RunningStack stack) {
		this.stack = stack;
		Map<String, Object> config = new LinkedHashMap<>(stack.kafkaClient("library-operator"));
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
		consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
		partitions = consumer.partitionsFor(TOPIC).stream().map(p -> new TopicPartition(TOPIC, p.partition())).toList();
		consumer.assign(partitions);
	}

	Mark mark() {
		return new Mark(Instant.now(), consumer.endOffsets(partitions));
	}

	record Mark(Instant at, Map<TopicPartition, Long> offsets) {
	}

	/**
	 * The events a source sent since the mark, once they are all stored (call after
	 * settling).
	 * @param action the audit action to look at in the trail
	 */
	Result since(Mark mark, String source, String action) throws SQLException {
		Histogram toKafka = new Histogram(TimeUnit.MINUTES.toMillis(10), 3);
		Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
		mark.offsets().forEach(consumer::seek);
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
		while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
			for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
				if (source.equals(header(record, "ce_source"))
						&& record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
					long stored = Instant.parse(header(record, "ce_time")).toEpochMilli();
					toKafka.recordValue(Math.max(0, record.timestamp() - stored));
				}
			}
		}
		try (Connection connection = stack.connectAsSuperuser(); PreparedStatement lag = connection.prepareStatement("""
				SELECT count(*),
				       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM recorded_at - occurred_at)),
				       percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM recorded_at - occurred_at))
				  FROM audit.audit_event WHERE source = ? AND action = ? AND occurred_at >= ?""")) {
			lag.setString(1, source);
			lag.setString(2, action);
			lag.setTimestamp(3, Timestamp.from(mark.at()));
			try (ResultSet row = lag.executeQuery()) {
				row.next();
				return new Result(toKafka, row.getLong(1), row.getDouble(2) * 1000, row.getDouble(3) * 1000);
			}
		}
	}

	/**
	 * @param toKafka outbox to Kafka, in milliseconds
	 * @param stored how many of the events the audit trail holds
	 */
	record Result(Histogram toKafka, long stored, double toAuditP50, double toAuditP99) {

		@Override
		public String toString() {
			return "outbox to Kafka p50 %d ms p99 %d ms (%d events); event to audit row p50 %.0f ms p99 %.0f ms (%d rows)"
				.formatted(toKafka.getValueAtPercentile(50), toKafka.getValueAtPercentile(99), toKafka.getTotalCount(),
						toAuditP50, toAuditP99, stored);
		}

	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

	@Override
	public void close() {
		consumer.close();
	}

}
