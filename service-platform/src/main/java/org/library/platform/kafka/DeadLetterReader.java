package org.library.platform.kafka;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.library.contracts.Records;

import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Reads this service's dead-letter topics as its redrive group sees them: what waits lies
 * beyond the group's committed offset, and only records the service's own group
 * dead-lettered count. Its consumers come from Boot's consumer factory, so they sign in,
 * and show in metrics, as the service's listeners do.
 */
class DeadLetterReader {

	static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final ConsumerFactory<?, ?> consumers;

	private final String group;

	private final KafkaListenerEndpointRegistry listeners;

	DeadLetterReader(ConsumerFactory<?, ?> consumers, String group, KafkaListenerEndpointRegistry listeners) {
		this.consumers = consumers;
		this.group = group;
		this.listeners = listeners;
	}

	String group() {
		return group;
	}

	/** Per dead-letter topic: waiting, redriven, and the reasons of what waits. */
	Map<String, DeadLetters.Summary> summaries() {
		Map<String, DeadLetters.Summary> summaries = new TreeMap<>();
		try (Consumer<byte[], byte[]> consumer = consumer()) {
			for (String topic : deadLetterTopics()) {
				summaries.put(topic, summarize(consumer, topic));
			}
		}
		return summaries;
	}

	private DeadLetters.Summary summarize(Consumer<byte[], byte[]> consumer, String topic) {
		long waiting = 0;
		long total = 0;
		Map<String, Long> reasons = new TreeMap<>();
		TreeSet<Long> offsets = new TreeSet<>();
		for (TopicPartition partition : partitions(consumer, topic)) {
			long begin = consumer.beginningOffsets(List.of(partition), TIMEOUT).get(partition);
			long end = consumer.endOffsets(List.of(partition), TIMEOUT).get(partition);
			long mark = Math.max(begin, redrivenUpTo(consumer, partition));
			long[] counts = new long[2];
			read(consumer, partition, begin, end, record -> {
				if (isOurs(record)) {
					counts[0]++;
					if (record.offset() >= mark) {
						counts[1]++;
						offsets.add(record.offset());
						reasons.merge(reason(record), 1L, Long::sum);
					}
				}
			});
			total += counts[0];
			waiting += counts[1];
		}
		return new DeadLetters.Summary(waiting, total - waiting, offsets.isEmpty() ? null : offsets.first(),
				offsets.isEmpty() ? null : offsets.last(), reasons);
	}

	/** Hands {@code each} the records of {@code partition} in {@code [from, until)}. */
	static void read(Consumer<byte[], byte[]> consumer, TopicPartition partition, long from, long until,
			EachRecord each) {
		if (from >= until) {
			return;
		}
		consumer.assign(List.of(partition));
		consumer.seek(partition, from);
		long position = from;
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (position < until && System.nanoTime() < deadline) {
			for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
				if (record.offset() < until) {
					each.accept(record);
				}
			}
			position = consumer.position(partition, TIMEOUT);
		}
		if (position < until) {
			throw new IllegalStateException("could not read " + partition + " up to offset " + until);
		}
	}

	/** What {@link #read} does with each record. */
	@FunctionalInterface
	interface EachRecord {

		void accept(ConsumerRecord<byte[], byte[]> record);

	}

	/**
	 * Only the group itself writes its dead-letter topic; a record that does not say it
	 * is the group's is not.
	 */
	boolean isOurs(ConsumerRecord<byte[], byte[]> record) {
		return group.equals(Records.header(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP));
	}

	private static String reason(ConsumerRecord<byte[], byte[]> record) {
		String causeType = Records.header(record, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN);
		String detail = Records.header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE);
		if (detail != null) {
			// the container's wrapper message names the listener method; the cause says
			// what was wrong
			int cause = detail.lastIndexOf(": ");
			detail = detail.length() > 300 ? detail.substring(0, 300) : detail;
			if (causeType != null && cause > 0 && detail.startsWith("Listener method")) {
				detail = detail.substring(cause + 2);
			}
		}
		String type = causeType == null ? "unknown" : causeType.substring(causeType.lastIndexOf('.') + 1);
		return detail == null ? type : type + ": " + detail;
	}

	/** How far this service has redriven: its redrive group's committed offset. */
	static long redrivenUpTo(Consumer<byte[], byte[]> consumer, TopicPartition partition) {
		OffsetAndMetadata mark = consumer.committed(Set.of(partition), TIMEOUT).get(partition);
		return mark == null ? 0 : mark.offset();
	}

	static List<TopicPartition> partitions(Consumer<byte[], byte[]> consumer, String topic) {
		List<PartitionInfo> infos = consumer.partitionsFor(topic, TIMEOUT);
		return infos == null ? List.of()
				: infos.stream()
					.map(info -> new TopicPartition(topic, info.partition()))
					.sorted(Comparator.comparingInt(TopicPartition::partition))
					.toList();
	}

	/** The dead-letter topics of the topics this service's listeners consume. */
	List<String> deadLetterTopics() {
		TreeSet<String> topics = new TreeSet<>();
		listeners.getListenerContainers().forEach(container -> {
			String[] consumed = container.getContainerProperties().getTopics();
			if (consumed != null) {
				for (String topic : consumed) {
					topics.add(DeadLetterAutoConfiguration.deadLetterTopic(topic, group));
				}
			}
		});
		return List.copyOf(topics);
	}

	/**
	 * A consumer in the redrive group: it reads by assignment (the group never
	 * subscribes), so the group holds nothing but how far the service has redriven.
	 */
	@SuppressWarnings("unchecked")
	Consumer<byte[], byte[]> consumer() {
		Properties overrides = new Properties();
		overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		overrides.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		overrides.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		overrides.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		overrides.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
		// the service's consumer settings with bytes for keys and values: the records are
		// counted and sent on as they are, never read
		return (Consumer<byte[], byte[]>) consumers.createConsumer(group + ".redrive", null, "-deadletters", overrides);
	}

}
