package org.library.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.library.contracts.CloudEventHeaders;

/**
 * Plays an upstream service in a consumer's tests: sends records to a topic as that
 * service would, with its CloudEvents headers, or as a broken producer might.
 */
public final class TopicFeed implements AutoCloseable {

	private final String topic;

	private final String source;

	private final KafkaProducer<String, String> producer;

	/**
	 * Sends as {@code source}'s own principal, so the feed may write exactly what that
	 * service may.
	 * @param topicConfig the topic's configuration, used to create it if its owner has
	 * not yet
	 */
	public TopicFeed(String bootstrapServers, String topic, String source, Map<String, String> topicConfig) {
		this(KafkaClients.as(bootstrapServers, source), topic, source, topicConfig);
	}

	/**
	 * Sends as whoever {@code client} signs in as: for a broker whose passwords are not
	 * the tests' own.
	 * @param topicConfig the topic's configuration, used to create it if its owner has
	 * not yet
	 */
	public TopicFeed(Map<String, Object> client, String topic, String source, Map<String, String> topicConfig) {
		this.topic = topic;
		this.source = source;
		try (Admin admin = Admin.create(client)) {
			admin.createTopics(Set.of(new NewTopic(topic, 3, (short) 1).configs(topicConfig))).all().get();
		}
		catch (ExecutionException ex) {
			if (!(ex.getCause() instanceof TopicExistsException)) {
				throw new IllegalStateException(ex);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		Map<String, Object> config = new LinkedHashMap<>(client);
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
		producer = new KafkaProducer<>(config);
	}

	/** Sends and waits for the broker's acknowledgement. */
	public void send(String key, String value, String type, String actor) {
		send(key, value, type, actor, UUID.randomUUID());
	}

	public void send(String key, String value, String type, String actor, UUID eventId) {
		acknowledged(sendAsync(key, value, type, actor, eventId, Map.of()));
	}

	/** Sends without waiting, for volume; {@link #flush()} waits for all. */
	public Future<?> sendAsync(String key, String value, String type, String actor, UUID eventId) {
		return sendAsync(key, value, type, actor, eventId, Map.of());
	}

	/**
	 * Sends with more headers than the CloudEvents ones, such as a {@code traceparent};
	 * waits for the broker.
	 */
	public void send(String key, String value, String type, String actor, Map<String, String> more) {
		acknowledged(sendAsync(key, value, type, actor, UUID.randomUUID(), more));
	}

	private static void acknowledged(Future<?> sent) {
		try {
			sent.get();
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private Future<?> sendAsync(String key, String value, String type, String actor, UUID eventId,
			Map<String, String> more) {
		ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
		Map<String, String> headers = new LinkedHashMap<>(
				Map.of(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.VERSION_1_0, CloudEventHeaders.ID,
						eventId.toString(), CloudEventHeaders.SOURCE, source, CloudEventHeaders.TYPE, type,
						CloudEventHeaders.TIME, Instant.now().toString(), CloudEventHeaders.ACTOR, actor));
		headers.putAll(more);
		headers.forEach((name, header) -> record.headers()
			.add(new RecordHeader(name, header.getBytes(StandardCharsets.UTF_8))));
		return producer.send(record);
	}

	public void flush() {
		producer.flush();
	}

	@Override
	public void close() {
		producer.close();
	}

}
