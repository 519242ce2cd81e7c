package org.library.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import static org.awaitility.Awaitility.await;

/**
 * Reads a topic the way an operator would: a plain Kafka consumer from the beginning,
 * signed in as {@code library-operator}, which may read every topic and write none.
 */
public final class TopicRecords {

	private TopicRecords() {
	}

	/**
	 * Waits until the topic holds {@code count} records with {@code key}, and returns
	 * them in order.
	 */
	public static List<ConsumerRecord<String, String>> awaitRecords(String bootstrapServers, String topic, String key,
			int count) {
		List<ConsumerRecord<String, String>> found = new ArrayList<>();
		read(bootstrapServers, topic, record -> {
			if (key.equals(record.key())) {
				found.add(record);
			}
			return found.size() >= count;
		});
		return found;
	}

	/**
	 * Waits until the topic holds a record that {@code wanted} accepts, and returns it.
	 */
	public static ConsumerRecord<String, String> awaitRecord(String bootstrapServers, String topic,
			Predicate<ConsumerRecord<String, String>> wanted) {
		List<ConsumerRecord<String, String>> found = new ArrayList<>();
		read(bootstrapServers, topic, record -> {
			if (found.isEmpty() && wanted.test(record)) {
				found.add(record);
			}
			return !found.isEmpty();
		});
		return found.getFirst();
	}

	/**
	 * Reads the topic from the beginning, each record once, until {@code enough} says a
	 * record was the last one needed.
	 */
	private static void read(String bootstrapServers, String topic, Predicate<ConsumerRecord<String, String>> enough) {
		try (KafkaConsumer<String, String> consumer = consumer(bootstrapServers)) {
			boolean[] done = { false };
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				if (consumer.assignment().isEmpty()) {
					List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5))
						.stream()
						.map(info -> new TopicPartition(topic, info.partition()))
						.toList();
					if (partitions.isEmpty()) {
						return false;
					}
					consumer.assign(partitions);
					consumer.seekToBeginning(partitions);
				}
				consumer.poll(Duration.ofMillis(200)).forEach(record -> done[0] |= enough.test(record));
				return done[0];
			});
		}
	}

	/**
	 * How many records the topic holds now, over all partitions; 0 for a topic that does
	 * not exist yet.
	 */
	public static long count(String bootstrapServers, String topic) {
		try (KafkaConsumer<String, String> consumer = consumer(bootstrapServers)) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10))
				.stream()
				.map(info -> new TopicPartition(topic, info.partition()))
				.toList();
			Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, Duration.ofSeconds(10));
			return consumer.endOffsets(partitions, Duration.ofSeconds(10))
				.entrySet()
				.stream()
				.mapToLong(end -> end.getValue() - begin.get(end.getKey()))
				.sum();
		}
	}

	/**
	 * Reads by assignment, in no group: an operator looks, and leaves no trace in
	 * anyone's offsets.
	 */
	private static KafkaConsumer<String, String> consumer(String bootstrapServers) {
		Map<String, Object> config = new LinkedHashMap<>(KafkaClients.operator(bootstrapServers));
		config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		return new KafkaConsumer<>(config);
	}

	public static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

}
