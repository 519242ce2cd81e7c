package org.library.infrastructure;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The broker enforces the ownership table: who does not sign in is refused, and who signs
 * in may do only what the table grants.
 */
class KafkaOwnershipTest {

	private static final String BOOKS = "library.catalog.books";

	private static final String CHECKPOINTS = "library.audit-checkpoints";

	private static final LibraryInfrastructure infrastructure = LibraryInfrastructure.forTests();

	@BeforeAll
	static void theCatalogDeclaresItsTopic() throws Exception {
		try (Admin admin = Admin.create(infrastructure.kafkaClient("book-catalog-service"))) {
			admin.createTopics(List.of(new NewTopic(BOOKS, 1, (short) 1))).all().get();
		}
		catch (ExecutionException ex) {
			if (!(ex.getCause() instanceof TopicExistsException)) {
				throw ex;
			}
		}
	}

	@Test
	void theBrokersAclsAreExactlyTheOwnershipTable() throws Exception {
		try (Admin admin = Admin.create(infrastructure.kafkaSuperUser())) {
			Set<AclBinding> onTheBroker = new HashSet<>(admin.describeAcls(AclBindingFilter.ANY).values().get());
			assertThat(onTheBroker).containsExactlyInAnyOrderElementsOf(KafkaOwnership.load().acls());
		}
	}

	@Test
	void aClientThatDoesNotSignInIsRefused() {
		Map<String, Object> anonymous = new LinkedHashMap<>(
				Map.of("bootstrap.servers", infrastructure.kafkaBootstrapServers()));
		assertThatThrownBy(() -> send(anonymous, BOOKS))
			.hasMessageContaining("Topic library.catalog.books not present in metadata");
	}

	@Test
	void aWrongPasswordIsRefused() {
		Map<String, Object> impostor = KafkaCredentials.client(infrastructure.kafkaBootstrapServers(),
				"book-catalog-service", "not-its-password");
		assertThatThrownBy(() -> send(impostor, BOOKS)).hasRootCauseInstanceOf(SaslAuthenticationException.class);
	}

	@Test
	void onlyTheCatalogWritesTheCatalogsTopic() throws Exception {
		send(infrastructure.kafkaClient("book-catalog-service"), BOOKS);
		for (String other : List.of("book-inventory-service", "reading-list-service", "audit-service", "library-reader",
				"library-operator")) {
			// a principal that may write no topic at all is refused already when its
			// producer asks for an id
			assertThatThrownBy(() -> send(infrastructure.kafkaClient(other), BOOKS)).as(other)
				.rootCause()
				.isInstanceOf(AuthorizationException.class);
		}
	}

	@Test
	void noServiceWritesAnothersAuditTopic() {
		assertThatThrownBy(
				() -> send(infrastructure.kafkaClient("book-inventory-service"), "library.audit.book-catalog-service"))
			.hasRootCauseInstanceOf(TopicAuthorizationException.class);
	}

	@Test
	void onlyTheAuditServiceWritesItsCheckpoints() throws Exception {
		try (Admin admin = Admin.create(infrastructure.kafkaClient("audit-service"))) {
			admin.createTopics(List.of(new NewTopic(CHECKPOINTS, 1, (short) 1))).all().get();
		}
		catch (ExecutionException ex) {
			if (!(ex.getCause() instanceof TopicExistsException)) {
				throw ex;
			}
		}
		send(infrastructure.kafkaClient("audit-service"), CHECKPOINTS);
		for (String other : List.of("book-catalog-service", "book-inventory-service", "reading-list-service")) {
			assertThatThrownBy(() -> send(infrastructure.kafkaClient(other), CHECKPOINTS)).as(other)
				.hasRootCauseInstanceOf(TopicAuthorizationException.class);
		}
	}

	@Test
	void aConsumerCannotReadInAnothersGroup() {
		assertThatThrownBy(() -> read(infrastructure.kafkaClient("reading-list-service"), "book-inventory-service"))
			.isInstanceOf(GroupAuthorizationException.class);
		assertThatThrownBy(() -> read(infrastructure.kafkaClient("library-reader"), "book-inventory-service"))
			.isInstanceOf(GroupAuthorizationException.class);
	}

	@Test
	void anOutsideConsumerReadsTheCatalogInAGroupOfItsOwn() {
		read(infrastructure.kafkaClient("library-reader"), "library-reader." + UUID.randomUUID());
		read(infrastructure.kafkaClient("book-inventory-service"), "book-inventory-service");
	}

	private static void send(Map<String, Object> client, String topic) throws Exception {
		Map<String, Object> config = new LinkedHashMap<>(client);
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
			producer.send(new ProducerRecord<>(topic, UUID.randomUUID().toString(), "{}")).get();
		}
	}

	/**
	 * Reads the catalog's topic in {@code group}, committing where it got to (what a
	 * group is for).
	 */
	private static void read(Map<String, Object> client, String group) {
		Map<String, Object> config = new LinkedHashMap<>(client);
		config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
			consumer.subscribe(List.of(BOOKS));
			long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
			while (consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
				consumer.poll(Duration.ofMillis(200));
			}
			assertThat(consumer.assignment()).isNotEmpty();
			consumer.commitSync();
		}
	}

}
