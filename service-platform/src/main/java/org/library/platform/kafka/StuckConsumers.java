package org.library.platform.kafka;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.listener.BatchInterceptor;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.kafka.listener.RetryListener;

/**
 * Which partitions a consumer of this service is stuck on: a record that fails for a
 * reason that may pass (database away, timeout, broker away) is retried until it
 * succeeds, and meanwhile the partition is an incident. Each incident is logged once when
 * it starts and once when it ends, never at every try, and shows in health as
 * {@code DOWN} with the partition, the offset, the attempts and the last error.
 *
 * <p>
 * {@code library.consumer.stuck.seconds} is how long the longest incident has lasted (0
 * when none): an alert on it above a minute says a consumer is waiting on a fault that
 * has not passed, while its records wait on the topic.
 *
 * <p>
 * It learns of failures from the error handler ({@link RetryListener}) and of successes
 * from the listener containers ({@link RecordInterceptor}, {@link BatchInterceptor}).
 */
class StuckConsumers
		implements RetryListener, RecordInterceptor<Object, Object>, BatchInterceptor<Object, Object>, HealthIndicator {

	private static final Logger log = LoggerFactory.getLogger(StuckConsumers.class);

	private final ConcurrentMap<TopicPartition, Incident> incidents = new ConcurrentHashMap<>();

	private final Clock clock;

	StuckConsumers(Clock clock) {
		this.clock = clock;
	}

	@Override
	public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int deliveryAttempt) {
		if (ConsumerFailures.isUnreadable(ex)) {
			return; // not an incident: it goes to the dead-letter topic and the partition
					// moves on
		}
		TopicPartition partition = new TopicPartition(record.topic(), record.partition());
		String error = ConsumerFailures.rootMessage(ex);
		incidents.compute(partition, (key, incident) -> {
			if (incident == null) {
				log.warn("Consumer of {} cannot handle offset {} yet; retrying with backoff until it can: {}", key,
						record.offset(), error);
				return new Incident(Instant.now(clock), record.offset(), 1, error);
			}
			return new Incident(incident.since(), record.offset(), incident.attempts() + 1, error);
		});
	}

	@Override
	public void failedDelivery(ConsumerRecords<?, ?> records, Exception ex, int deliveryAttempt) {
		records.partitions()
			.forEach(partition -> failedDelivery(records.records(partition).getFirst(), ex, deliveryAttempt));
	}

	@Override
	public void recovered(ConsumerRecord<?, ?> record, Exception ex) {
		resolved(new TopicPartition(record.topic(), record.partition()));
	}

	@Override
	public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
			Consumer<Object, Object> consumer) {
		return record;
	}

	@Override
	public void success(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
		resolved(new TopicPartition(record.topic(), record.partition()));
	}

	@Override
	public ConsumerRecords<Object, Object> intercept(ConsumerRecords<Object, Object> records,
			Consumer<Object, Object> consumer) {
		return records;
	}

	@Override
	public void success(ConsumerRecords<Object, Object> records, Consumer<Object, Object> consumer) {
		records.partitions().forEach(this::resolved);
	}

	private void resolved(TopicPartition partition) {
		if (incidents.isEmpty()) {
			return;
		}
		Incident incident = incidents.remove(partition);
		if (incident != null) {
			log.info("Consumer of {} is moving again after {} failed attempts in {} s", partition, incident.attempts(),
					Duration.between(incident.since(), Instant.now(clock)).toSeconds());
		}
	}

	/**
	 * How long the oldest incident has lasted, in seconds; 0 while every partition moves.
	 */
	double longestIncidentSeconds() {
		Instant now = Instant.now(clock);
		return incidents.values()
			.stream()
			.mapToLong(incident -> Duration.between(incident.since(), now).toSeconds())
			.max()
			.orElse(0);
	}

	@Override
	public Health health() {
		if (incidents.isEmpty()) {
			return Health.up().build();
		}
		Map<String, Object> details = new LinkedHashMap<>();
		incidents.forEach((partition, incident) -> details.put(partition.toString(),
				Map.of("since", incident.since().toString(), "offset", incident.offset(), "attempts",
						incident.attempts(), "lastError", incident.lastError())));
		return Health.down().withDetails(details).build();
	}

	private record Incident(Instant since, long offset, int attempts, String lastError) {
	}

}
