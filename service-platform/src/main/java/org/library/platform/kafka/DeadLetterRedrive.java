package org.library.platform.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import org.springframework.kafka.core.ProducerFactory;

/**
 * Sends dead letters back to their consumer: to the group's redrive topic of the topic
 * they came from, which its listener reads like the topic itself. How far it has redriven
 * is the redrive group's committed offset on the dead-letter topic, moved only over a
 * contiguous stretch, so a dead letter is redriven once and nothing before the mark is
 * left waiting unseen. Its producer is Boot's producer factory with bytes for keys and
 * values, so it signs in, and shows in metrics, as the service's other producers do.
 */
class DeadLetterRedrive {

	static final String REDRIVEN_FROM = "library_redriven_from";

	private final DeadLetterReader reader;

	private final ProducerFactory<byte[], byte[]> producers;

	private final RedriveLog redrives;

	@SuppressWarnings("unchecked")
	DeadLetterRedrive(DeadLetterReader reader, ProducerFactory<?, ?> producers, RedriveLog redrives) {
		this.reader = reader;
		// records are sent on as they were dead-lettered, key and value untouched
		this.producers = (ProducerFactory<byte[], byte[]>) producers.copyWithConfigurationOverride(
				Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
						ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) DeadLetterReader.TIMEOUT.toMillis(),
						ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
						ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
		this.redrives = redrives;
	}

	/**
	 * Redrives the dead letters of {@code deadLetterTopic} in {@code [from, to]}, by
	 * default all that wait, and tells the {@link RedriveLog} what it sent, even when it
	 * stopped part way.
	 */
	DeadLetters.Redrive redrive(String deadLetterTopic, Long from, Long to) {
		String group = reader.group();
		String target = DeadLetterAutoConfiguration.redriveTopic(baseTopic(deadLetterTopic, group), group);
		List<String> redriven = new ArrayList<>();
		try (Consumer<byte[], byte[]> consumer = reader.consumer(); Producer<byte[], byte[]> producer = producer()) {
			Map<TopicPartition, OffsetAndMetadata> marks = new LinkedHashMap<>();
			for (TopicPartition partition : DeadLetterReader.partitions(consumer, deadLetterTopic)) {
				long mark = DeadLetterReader.redrivenUpTo(consumer, partition);
				long first = from == null ? mark : Math.max(from,
						consumer.beginningOffsets(List.of(partition), DeadLetterReader.TIMEOUT).get(partition));
				long end = consumer.endOffsets(List.of(partition), DeadLetterReader.TIMEOUT).get(partition);
				long last = to == null ? end - 1 : Math.min(to, end - 1);
				List<CompletableFuture<?>> acks = new ArrayList<>();
				DeadLetterReader.read(consumer, partition, first, last + 1, record -> {
					if (reader.isOurs(record)) {
						acks.add(send(producer, record, deadLetterTopic, target));
						redriven.add(deadLetterTopic + "@" + record.offset());
					}
				});
				CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
					.get(DeadLetterReader.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
				if (first <= mark && last + 1 > mark) {
					marks.put(partition, new OffsetAndMetadata(last + 1));
				}
			}
			if (!marks.isEmpty()) {
				consumer.commitSync(marks, DeadLetterReader.TIMEOUT);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("redrive interrupted", ex);
		}
		catch (Exception ex) {
			RefusedProducers.resetIfRefused(producers, ex);
			throw new IllegalStateException("redrive stopped: " + ConsumerFailures.rootMessage(ex)
					+ "; redriven before that: " + redriven.size(), ex);
		}
		finally {
			if (!redriven.isEmpty()) {
				redrives.redriven(deadLetterTopic, target, redriven);
			}
		}
		return new DeadLetters.Redrive(deadLetterTopic, redriven.size(), redriven);
	}

	/**
	 * Its producer factory is its own copy, not a bean: nothing else closes the producer
	 * it keeps.
	 */
	void close() {
		producers.reset();
	}

	private Producer<byte[], byte[]> producer() {
		return producers.createProducer();
	}

	private static String baseTopic(String deadLetterTopic, String group) {
		return deadLetterTopic.substring(0, deadLetterTopic.length() - ("." + group + ".DLT").length());
	}

	private static CompletableFuture<?> send(Producer<byte[], byte[]> producer, ConsumerRecord<byte[], byte[]> record,
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

}
