package org.library.platform.outbox;

import java.time.Clock;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.library.platform.trace.CurrentTrace;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox and its relay, for any service with a DataSource and Kafka. The service's
 * Flyway adds {@code classpath:db/outbox} to its locations to get the table; a service
 * that publishes nothing sets {@code library.outbox.enabled=false}.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
		"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration" })
@EnableConfigurationProperties(OutboxProperties.class)
@ConditionalOnProperty(name = "library.outbox.enabled", matchIfMissing = true)
public class OutboxAutoConfiguration {

	@Bean
	OutboxRelay outboxRelay(JdbcClient jdbc, PlatformTransactionManager transactionManager, KafkaProperties kafka,
			JsonMapper json, OutboxProperties properties, ObjectProvider<MeterRegistry> metrics) {
		Map<String, Object> producer = kafka.buildProducerProperties();
		producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		// no duplicates from producer retries, and per-key order kept
		producer.put(ProducerConfig.ACKS_CONFIG, "all");
		producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		// fail fast while the broker is away; the relay retries the whole batch with
		// backoff
		producer.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
		producer.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
		producer.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 9_000);
		producer.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
		DefaultKafkaProducerFactory<String, byte[]> factory = new DefaultKafkaProducerFactory<>(producer);
		// the relay's producer in metrics, as Boot's own producers are (kafka.producer.*)
		metrics.ifAvailable(registry -> factory.addListener(new MicrometerProducerListener<>(registry)));
		// no observation on this template: a record carries the trace of the work that
		// made it (stored with the
		// event), not one of the relay's own
		KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(factory);
		return new OutboxRelay(jdbc, new TransactionTemplate(transactionManager), template, json, properties);
	}

	/**
	 * The backlog in health: pending events, the age of the oldest, and since when
	 * delivery fails, if it does.
	 */
	@Bean
	HealthIndicator outboxHealthIndicator(OutboxRelay relay) {
		return () -> {
			OutboxRelay.Backlog backlog = relay.backlog();
			Health.Builder health = Health.up()
				.withDetail("pending", backlog.pending())
				.withDetail("oldestAgeSeconds", backlog.oldestAge().toSeconds());
			if (backlog.failingSince() != null) {
				health.withDetail("failingSince", backlog.failingSince().toString())
					.withDetail("lastError", backlog.lastError());
			}
			return health.build();
		};
	}

	@Bean
	Outbox outbox(JdbcClient jdbc, JsonMapper json, OutboxRelay relay,
			@Value("${spring.application.name}") String source, CurrentTrace trace, Clock clock) {
		return new Outbox(jdbc, json, relay, source, clock, trace);
	}

	@Bean
	@ConditionalOnMissingBean
	CurrentTrace currentTrace(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		return new CurrentTrace(tracer, propagator);
	}

	/**
	 * The outbox in metrics: {@code library.outbox.pending} and
	 * {@code library.outbox.oldest.age} (seconds), what the relay sent
	 * ({@code library.outbox.sent}) and the batches Kafka did not take
	 * ({@code library.outbox.failures}).
	 */
	@Bean
	MeterBinder outboxMetrics(OutboxRelay relay) {
		return relay::bindTo;
	}

}
