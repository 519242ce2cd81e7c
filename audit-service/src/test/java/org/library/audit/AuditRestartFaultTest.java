package org.library.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.library.infrastructure.EmbeddedKafkaServer;
import org.library.infrastructure.LibraryInfrastructure;
import org.library.testsupport.ServiceInstances;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.library.testsupport.FreePorts.freePort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nothing missing, nothing doubled, when the audit service or the broker stops
 * mid-stream. Runs in its own JVM (see the pom): it starts and stops the service and a
 * broker of its own.
 */
class AuditRestartFaultTest {

	private final LibraryInfrastructure infrastructure = LibraryInfrastructure.forTests();

	private final JdbcClient jdbc = JdbcClient
		.create(new DriverManagerDataSource(infrastructure.jdbcUrl(), "audit_app", "audit_app"));

	@Test
	void anAuditServiceStoppedMidStreamAndRestartedStoresEveryEventOnce() {
		String entity = "restart-" + UUID.randomUUID();
		List<UUID> ids = new ArrayList<>();
		try (AuditFeed feed = new AuditFeed(infrastructure.kafkaBootstrapServers())) {
			ConfigurableApplicationContext first = start(infrastructure.kafkaBootstrapServers());
			ids.addAll(sendBurst(feed, entity, 1500));
			await().atMost(Duration.ofSeconds(60)).until(() -> stored(entity) > 0);
			first.close();
			long storedWhenStopped = stored(entity);
			// the writing services go on publishing while the audit service is down
			ids.addAll(sendBurst(feed, entity, 1500));

			try (ConfigurableApplicationContext second = start(infrastructure.kafkaBootstrapServers())) {
				await().atMost(Duration.ofSeconds(120)).until(() -> stored(entity) == 3000);
			}
			assertThat(storedWhenStopped).isBetween(1L, 1500L);
		}
		assertThat(storedIds(entity)).containsExactlyInAnyOrderElementsOf(ids);
	}

	@Test
	void eventsPublishedAroundABrokerRestartAreAllStoredOnce() throws Exception {
		String entity = "broker-" + UUID.randomUUID();
		Path data = Files.createTempDirectory("audit-fault-kafka");
		int port = freePort();
		List<UUID> ids = new ArrayList<>();
		EmbeddedKafkaServer broker = EmbeddedKafkaServer.start(port, data);
		try (ConfigurableApplicationContext audit = start(broker.bootstrapServers())) {
			try (AuditFeed feed = new AuditFeed(broker.bootstrapServers())) {
				ids.addAll(sendBurst(feed, entity, 500));
			}
			await().atMost(Duration.ofSeconds(60)).until(() -> stored(entity) == 500);

			broker.close(); // the audit service keeps running without a broker
			broker = EmbeddedKafkaServer.start(port, data);

			try (AuditFeed feed = new AuditFeed(broker.bootstrapServers())) {
				ids.addAll(sendBurst(feed, entity, 500));
			}
			await().atMost(Duration.ofSeconds(120)).until(() -> stored(entity) == 1000);
		}
		finally {
			broker.close();
		}
		assertThat(storedIds(entity)).containsExactlyInAnyOrderElementsOf(ids);
	}

	private static List<UUID> sendBurst(AuditFeed feed, String entity, int count) {
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			UUID id = UUID.randomUUID();
			ids.add(id);
			feed.sendAsync(id, AuditFeed.event(id, Instant.now(), AuditFeed.SOURCE, "a", "Event" + i, entity), entity);
		}
		feed.flush();
		return ids;
	}

	private ConfigurableApplicationContext start(String bootstrapServers) {
		return ServiceInstances.start(AuditApplication.class, bootstrapServers);
	}

	private long stored(String entity) {
		return jdbc.sql("SELECT count(*) FROM audit_event WHERE entity_id = ?")
			.param(entity)
			.query(Long.class)
			.single();
	}

	private List<UUID> storedIds(String entity) {
		return jdbc.sql("SELECT id FROM audit_event WHERE entity_id = ?").param(entity).query(UUID.class).list();
	}

}
