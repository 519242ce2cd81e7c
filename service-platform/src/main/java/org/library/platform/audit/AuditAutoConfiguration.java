package org.library.platform.audit;

import java.time.Clock;
import java.time.Duration;

import org.apache.kafka.clients.admin.NewTopic;
import org.library.contracts.Topics;
import org.library.platform.kafka.RedriveLog;
import org.library.platform.outbox.Outbox;
import org.library.platform.outbox.OutboxAutoConfiguration;
import org.library.platform.trace.CurrentTrace;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail for every service with an outbox, and its own audit topic,
 * {@code library.audit.<service>}, which it declares as its owner (delete policy: the
 * audit service keeps the history, the topic only carries it there). A redrive of the
 * service's dead letters is recorded in the trail too.
 */
@AutoConfiguration(after = OutboxAutoConfiguration.class)
public class AuditAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(Outbox.class)
	static class AuditTrailConfiguration {

		@Bean
		AuditTrail auditTrail(Outbox outbox, @Value("${spring.application.name}") String source, CurrentTrace trace,
				Clock clock) {
			return new AuditTrail(outbox, source, clock, trace);
		}

		@Bean
		NewTopic auditTopic(@Value("${spring.application.name}") String source,
				@Value("${library.topics.partitions:3}") int partitions,
				@Value("${library.topics.replicas:1}") short replicas,
				@Value("${library.topics.audit-retention:7d}") Duration retention) {
			return TopicBuilder.name(Topics.auditTopicOf(source))
				.partitions(partitions)
				.replicas(replicas)
				.config("cleanup.policy", "delete")
				.config("retention.ms", Long.toString(retention.toMillis()))
				.build();
		}

		@Bean
		RedriveLog redriveLog(AuditTrail audit, PlatformTransactionManager transactions) {
			TransactionTemplate transaction = new TransactionTemplate(transactions);
			return (deadLetterTopic, target, records) -> transaction
				.executeWithoutResult(status -> audit.record(AuditTrail.DEAD_LETTERS_REDRIVEN,
						AuditTrail.DEAD_LETTER_TOPIC, deadLetterTopic, AuditTrail.redriveDetails(target, records)));
		}

	}

}
