package org.library.inventory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plays the catalog in the inventory's tests: records on library.catalog.books exactly as the catalog publishes
 * them (the contract), without depending on the catalog's module.
 */
final class CatalogFeed implements AutoCloseable {

	static final String TOPIC = "library.catalog.books";

	private final KafkaProducer<String, String> producer;

	CatalogFeed(String bootstrapServers) {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			admin.createTopics(Set.of(new NewTopic(TOPIC, 3, (short) 1)
				.configs(Map.of("cleanup.policy", "compact")))).all().get();
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
		producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
	}

	UUID bookAdded() {
		UUID id = UUID.randomUUID();
		snapshot(id, 0, "librarian");
		return id;
	}

	void snapshot(UUID id, long version, String actor) {
		String value = """
				{"id":"%s","isbn":"9780441478125","title":"A book","authors":["An Author"],"version":%d}"""
			.formatted(id, version);
		send(id.toString(), value, version == 0 ? "BookAdded" : "BookUpdated", actor);
	}

	void tombstone(UUID id, String actor) {
		send(id.toString(), null, "BookRemoved", actor);
	}

	/** Sends a record the way a broken or foreign producer might. */
	void raw(String key, String value) {
		send(key, value, "Garbage", "prankster");
	}

	void send(String key, String value, String type, String actor) {
		ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, key, value);
		Map<String, String> headers = Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(),
				"ce_source", "book-catalog-service", "ce_type", "org.library.catalog." + type, "ce_time",
				Instant.now().toString(), "ce_actor", actor);
		headers.forEach((name, header) -> record.headers()
			.add(new RecordHeader(name, header.getBytes(StandardCharsets.UTF_8))));
		try {
			producer.send(record).get();
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	void sendAll(List<ProducerRecord<String, String>> records) {
		records.forEach(record -> {
			try {
				producer.send(new ProducerRecord<>(TOPIC, null, record.key(), record.value(), record.headers()))
					.get();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	@Override
	public void close() {
		producer.close();
	}

}
