package org.library.platform.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;
import org.library.contracts.Records;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * The dead letters of this service's consumers, at {@code /actuator/deadletters}: how
 * many wait on each dead-letter topic and why; and, once their cause is fixed, a redrive
 * that hands them to the consumer again, all of them or a range of offsets ({@code POST
 * /actuator/deadletters/{dlt}} with {@code {"from":…,"to":…}}).
 *
 * <p>
 * Each consumer group has its own dead-letter topic per topic it consumes,
 * {@code <topic>.<group>.DLT}, and only it may write there. A redrive sends a dead letter
 * to the group's redrive topic of the same topic, {@code <topic>.<group>.redrive}, which
 * its listener consumes as if from the topic itself: never anywhere a header names, and
 * never a record that its own group did not dead-letter. (The topic itself has one
 * writer, its owner, so a consumer could not send it back there.) How far a service has
 * redriven is the committed offset of its group {@code <group>.redrive} on the
 * dead-letter topic, so a dead letter is redriven once, and what waits is what lies
 * beyond that offset. Redriven records keep their key, value and CloudEvents headers (so
 * consumers dedupe them by {@code ce_id}), and carry {@code library_redriven_from} saying
 * where they were. Every redrive is told to the service's {@link RedriveLog}, which puts
 * it in the audit trail.
 */
@Endpoint(id = "deadletters")
public class DeadLetters {

	static final String REDRIVEN_FROM = "library_redriven_from";

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final Map<String, Object> kafka;

	private final String group;

	private final KafkaListenerEndpointRegistry listeners;

	private final RedriveLog redrives;

	DeadLetters(Map<String, Object> kafka, String group, KafkaListenerEndpointRegistry listeners, RedriveLog redrives) {
		this.kafka = kafka;
		this.group = group;
		this.listeners = listeners;
		this.redrives = redrives;
	}

	/** Per dead-letter topic: waiting, redriven, and the reasons of what waits. */
	@ReadOperation
	public synchronized Map<String, Summary> deadLetters() {
		Map<String, Summary> summaries = new TreeMap<>();
		try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
			for (String topic : deadLetterTopics()) {
				summaries.put(topic, summarize(consumer, topic));
			}
		}
		return summaries;
	}

	/**
	 * Sends dead letters back to their topic: those in {@code [from, to]} (offsets on the
	 * dead-letter topic), by default all that wait.
	 */
	@WriteOperation
	public synchronized Redrive redrive(@Selector String deadLetterTopic, @Nullable Long from, @Nullable Long to) {
		List<String> deadLetterTopics = deadLetterTopics();
		if (!deadLetterTopics.contains(deadLetterTopic)) {
			throw new InvalidEndpointRequestException("not a dead-letter topic of this service: " + deadLetterTopic
					+ "; its dead-letter topics are " + deadLetterTopics, "unknown dead-letter topic");
		}
		String target = DeadLetterAutoConfiguration.redriveTopic(baseTopic(deadLetterTopic), group);
		List<String> redriven = new ArrayList<>();
		try (KafkaConsumer<byte[], byte[]> consumer = consumer(); KafkaProducer<byte[], byte[]> producer = producer()) {
			List<TopicPartition> partitions = partitions(consumer, deadLetterTopic);
			Map<TopicPartition, OffsetAndMetadata> marks = new LinkedHashMap<>();
			for (TopicPartition partition : partitions) {
				long mark = redrivenUpTo(consumer, partition);
				long first = from == null ? mark
						: Math.max(from, consumer.beginningOffsets(List.of(partition), TIMEOUT).get(partition));
				long end = consumer.endOffsets(List.of(partition), TIMEOUT).get(partition);
				long last = to == null ? end - 1 : Math.min(to, end - 1);
				List<CompletableFuture<?>> acks = new ArrayList<>();
				read(consumer, partition, first, last + 1, record -> {
					if (isOurs(record)) {
						acks.add(send(producer, record, deadLetterTopic, target));
						redriven.add(deadLetterTopic + "@" + record.offset());
					}
				});
				CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
					.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
				// the mark moves only over a contiguous stretch, so nothing before it is
				// left waiting unseen
				if (first <= mark && last + 1 > mark) {
					marks.put(partition, new OffsetAndMetadata(last + 1));
				}
			}
			if (!marks.isEmpty()) {
				consumer.commitSync(marks, TIMEOUT);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("redrive interrupted", ex);
		}
		catch (Exception ex) {
			throw new IllegalStateException("redrive stopped: " + ConsumerFailures.rootMessage(ex)
					+ "; redriven before that: " + redriven.size(), ex);
		}
		finally {
			if (!redriven.isEmpty()) {
				redrives.redriven(deadLetterTopic, target, redriven);
			}
		}
		return new Redrive(deadLetterTopic, redriven.size(), redriven);
	}

	private String baseTopic(String deadLetterTopic) {
		return deadLetterTopic.substring(0, deadLetterTopic.length() - ("." + group + ".DLT").length());
	}

	private Summary summarize(KafkaConsumer<byte[], byte[]> consumer, String topic) {
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
		return new Summary(waiting, total - waiting, offsets.isEmpty() ? null : offsets.first(),
				offsets.isEmpty() ? null : offsets.last(), reasons);
	}

	private static void read(KafkaConsumer<byte[], byte[]> consumer, TopicPartition partition, long from, long until,
			Consumer<ConsumerRecord<byte[], byte[]>> each) {
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

	private CompletableFuture<?> send(KafkaProducer<byte[], byte[]> producer, ConsumerRecord<byte[], byte[]> record,
			String deadLetterTopic, String target) {
		ProducerRecord<byte[], byte[]> resent = new ProducerRecord<>(target, record.key(), record.value());
		for (Header header : record.headers()) {
			if (!header.key().startsWith("kafka_dlt-") && !header.key().equals(REDRIVEN_FROM)) {
				resent.headers().add(header);
			}
		}
		resent.headers()
			.add(new RecordHeader(REDRIVEN_FROM,
					(deadLetterTopic + "@" + record.offset()).getBytes(StandardCharsets.UTF_8)));
		CompletableFuture<Object> ack = new CompletableFuture<>();
		producer.send(resent, (metadata, failure) -> {
			if (failure == null) {
				ack.complete(metadata);
			}
			else {
				ack.completeExceptionally(failure);
			}
		});
		return ack;
	}

	/**
	 * Only the group itself writes its dead-letter topic; a record that does not say it
	 * is the group's is not.
	 */
	private boolean isOurs(ConsumerRecord<byte[], byte[]> record) {
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
	private static long redrivenUpTo(KafkaConsumer<byte[], byte[]> consumer, TopicPartition partition) {
		OffsetAndMetadata mark = consumer.committed(Set.of(partition), TIMEOUT).get(partition);
		return mark == null ? 0 : mark.offset();
	}

	private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, String topic) {
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
	private KafkaConsumer<byte[], byte[]> consumer() {
		Map<String, Object> config = new LinkedHashMap<>(kafka);
		config.put(ConsumerConfig.GROUP_ID_CONFIG, group + ".redrive");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
		return new KafkaConsumer<>(config);
	}

	private KafkaProducer<byte[], byte[]> producer() {
		Map<String, Object> config = new LinkedHashMap<>(kafka);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) TIMEOUT.toMillis());
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		return new KafkaProducer<>(config);
	}

	/**
	 * One dead-letter topic as this service sees it.
	 *
	 * @param waiting dead letters not yet redriven
	 * @param redriven dead letters sent back already
	 * @param firstWaiting the offset of the oldest that waits, if any
	 * @param lastWaiting the offset of the newest that waits, if any
	 * @param reasons why those that wait were dead-lettered, with how many each
	 */
	public record Summary(long waiting, long redriven, @Nullable Long firstWaiting, @Nullable Long lastWaiting,
			Map<String, Long> reasons) {
	}

	/** What a redrive sent back: how many, and which (dead-letter topic and offset). */
	public record Redrive(String deadLetterTopic, int redriven, List<String> records) {
	}

}
