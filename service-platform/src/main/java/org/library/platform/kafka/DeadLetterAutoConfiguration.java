package org.library.platform.kafka;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Kafka conventions every consuming service shares. Topics are declared by
 * {@link TopicDeclarer}.
 *
 * <p>
 * The error handler every listener container gets tells poison from faults
 * ({@link ConsumerFailures}). A record that cannot be read or stored goes to the
 * consumer's own dead-letter topic of its topic, {@code <topic>.<group>.DLT}, at once,
 * with the reason in the {@code kafka_dlt-exception-*} headers, and the partition moves
 * on. Each consumer owns its dead-letter topic and its redrive topic
 * ({@code <topic>.<group>.redrive}, which it consumes like the topic itself), so no other
 * principal can write either (infra/kafka/ownership.tsv). Any other failure (database
 * away, a timeout, a serialization failure, the broker away while dead-lettering) is
 * retried with exponential backoff, {@code library.kafka.retry.initial-interval} (200 ms)
 * doubling up to {@code library.kafka.retry.max-interval} (30 s), for as long as it
 * takes: the record is never skipped. {@link StuckConsumers} reports it meanwhile. Dead
 * letters are counted and redriven through {@link DeadLetters}.
 */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
public class DeadLetterAutoConfiguration {

	private static final String DLT = ".DLT";

	private static final String REDRIVE = ".redrive";

	/** Where consumer group {@code group} puts the dead letters of {@code topic}. */
	public static String deadLetterTopic(String topic, String group) {
		return baseTopic(topic, group) + "." + group + DLT;
	}

	/**
	 * Where consumer group {@code group} sends the dead letters of {@code topic} back to
	 * when they are redriven.
	 */
	public static String redriveTopic(String topic, String group) {
		return baseTopic(topic, group) + "." + group + REDRIVE;
	}

	/**
	 * The topic a record came from: a redriven record's topic is the one its dead letter
	 * was taken from.
	 */
	public static String baseTopic(String topic, String group) {
		String redrive = "." + group + REDRIVE;
		return topic.endsWith(redrive) ? topic.substring(0, topic.length() - redrive.length()) : topic;
	}

	/**
	 * The two topics a consumer declares beside its listener for each topic it consumes:
	 * its dead letters and their redrive. One partition each is plenty for what fails.
	 */
	public static KafkaAdmin.NewTopics deadLetterTopicsFor(String group, short replicas, List<String> topics) {
		return new KafkaAdmin.NewTopics(topics.stream()
			.flatMap(topic -> Stream.of(deadLetterTopic(topic, group), redriveTopic(topic, group)))
			.map(name -> TopicBuilder.name(name).partitions(1).replicas(replicas).build())
			.toArray(NewTopic[]::new));
	}

	/**
	 * A producer closes within 5 s, not Spring Kafka's 30: at shutdown the broker may be
	 * gone first, and what the producer still holds is sent again by its owner anyway (a
	 * dead letter's record is read again from the uncommitted offset, a checkpoint not
	 * marked published is published on the next round).
	 */
	@Bean
	DefaultKafkaProducerFactoryCustomizer boundedProducerClose() {
		return factory -> factory.setPhysicalCloseTimeout(5);
	}

	/** Named {@code consumers} in health. */
	@Bean
	StuckConsumers consumers(ObjectProvider<MeterRegistry> metrics, Clock clock) {
		StuckConsumers stuck = new StuckConsumers(clock);
		metrics.ifAvailable(
				registry -> Gauge.builder("library.consumer.stuck", stuck, StuckConsumers::longestIncidentSeconds)
					.description("How long the longest-stuck consumer partition has been retrying a fault (0: none is)")
					.baseUnit("seconds")
					.register(registry));
		return stuck;
	}

	@Bean
	@ConditionalOnMissingBean(CommonErrorHandler.class)
	DefaultErrorHandler deadLetteringErrorHandler(KafkaOperations<?, ?> kafka, StuckConsumers stuck,
			ObjectProvider<MeterRegistry> metrics, @Value("${spring.kafka.consumer.group-id}") String group,
			@Value("${library.kafka.retry.initial-interval:200ms}") Duration initialInterval,
			@Value("${library.kafka.retry.max-interval:30s}") Duration maxInterval) {
		// partition -1: the dead-letter topic need not have as many partitions as the
		// topic it serves
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka,
				(record, ex) -> new TopicPartition(deadLetterTopic(record.topic(), group), -1));
		// no limit on attempts or elapsed time: a fault is waited out, never turned into
		// a dead letter
		ExponentialBackOff backOff = new ExponentialBackOff(initialInterval.toMillis(), 2.0);
		backOff.setMaxInterval(maxInterval.toMillis());
		MeterRegistry registry = metrics.getIfAvailable(SimpleMeterRegistry::new);
		// counted once the dead letter is on its topic (a failed publish is a fault,
		// retried like any other)
		DefaultErrorHandler handler = new DefaultErrorHandler((record, ex) -> {
			try {
				recoverer.accept(record, ex);
			}
			catch (RuntimeException failed) {
				if (kafka instanceof KafkaTemplate<?, ?> template) {
					RefusedProducers.resetIfRefused(template.getProducerFactory(), failed);
				}
				throw failed;
			}
			Counter.builder("library.deadletters")
				.description("Records that could not be read, sent to their dead-letter topic")
				.tag("topic", deadLetterTopic(record.topic(), group))
				.register(registry)
				.increment();
		}, backOff);
		Map<Class<? extends Throwable>, Boolean> retryable = new LinkedHashMap<>();
		ConsumerFailures.UNREADABLE.forEach(unreadable -> retryable.put(unreadable, false));
		handler.setClassifications(retryable, true);
		handler.setRetryListeners(stuck);
		// StuckConsumers logs an incident once; the container would log every failed try
		handler.setLogLevel(KafkaException.Level.DEBUG);
		return handler;
	}

	@Bean
	@ConditionalOnAvailableEndpoint
	DeadLetters deadLetters(ConsumerFactory<?, ?> consumers, ProducerFactory<?, ?> producers,
			KafkaListenerEndpointRegistry listeners, @Value("${spring.kafka.consumer.group-id}") String group,
			ObjectProvider<RedriveLog> redrives) {
		DeadLetterReader reader = new DeadLetterReader(consumers, group, listeners);
		return new DeadLetters(reader, new DeadLetterRedrive(reader, producers,
				redrives.getIfAvailable(() -> (deadLetterTopic, target, records) -> {
				})));
	}

	@Bean
	TopicDeclarer topicDeclarer(KafkaAdmin admin,
			@Value("${library.kafka.topic-declaration-retry-interval:2s}") Duration retryInterval) {
		return new TopicDeclarer(admin, retryInterval);
	}

}
