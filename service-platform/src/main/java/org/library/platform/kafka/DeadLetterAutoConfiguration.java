package org.library.platform.kafka;

import java.time.Duration;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Kafka conventions every service shares. Topics are declared by {@link TopicDeclarer}. The error handler every
 * listener container of a service gets: a failing record is retried a few times
 * ({@code library.kafka.retries}, {@code library.kafka.retry-interval}); an {@link UnreadableRecord} is not
 * retried at all. Then the record is published to {@code <topic>.DLT}, with the exception in the
 * {@code kafka_dlt-exception-*} headers, and the consumer moves on.
 */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
public class DeadLetterAutoConfiguration {

	/** Where a dead letter of {@code topic} goes; the consumer that declares a listener declares this topic. */
	public static String deadLetterTopic(String topic) {
		return topic + ".DLT";
	}

	/** The dead-letter topic a consumer of {@code topic} declares: one partition is plenty for what fails. */
	public static NewTopic deadLetterTopicFor(String topic, short replicas) {
		return TopicBuilder.name(deadLetterTopic(topic)).partitions(1).replicas(replicas).build();
	}

	@Bean
	@ConditionalOnMissingBean(CommonErrorHandler.class)
	DefaultErrorHandler deadLetteringErrorHandler(KafkaOperations<?, ?> kafka,
			@Value("${library.kafka.retries:2}") long retries,
			@Value("${library.kafka.retry-interval:200ms}") Duration interval) {
		// partition -1: the dead-letter topic need not have as many partitions as the topic it serves
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka,
				(record, ex) -> new TopicPartition(deadLetterTopic(record.topic()), -1));
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer,
				new FixedBackOff(interval.toMillis(), retries));
		handler.addNotRetryableExceptions(UnreadableRecord.class);
		return handler;
	}

	@Bean
	TopicDeclarer topicDeclarer(KafkaAdmin admin,
			@Value("${library.kafka.topic-declaration-retry-interval:2s}") Duration retryInterval) {
		return new TopicDeclarer(admin, retryInterval);
	}

}
