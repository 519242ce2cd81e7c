package org.library.platform.audit;

import java.time.Clock;
import java.time.Duration;

import org.apache.kafka.clients.admin.NewTopic;
import org.library.platform.outbox.Outbox;
import org.library.platform.outbox.OutboxAutoConfiguration;
import org.library.platform.trace.CurrentTrace;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The {@code library.audit} topic, declared alike by every service that writes or reads it (delete policy: the
 * audit service keeps the history, the topic only carries it there), and the audit trail for every service
 * with an outbox.
 */
@AutoConfiguration(after = OutboxAutoConfiguration.class)
public class AuditAutoConfiguration {

	@Bean
	NewTopic auditTopic(@Value("${library.topics.partitions:3}") int partitions,
			@Value("${library.topics.replicas:1}") short replicas,
			@Value("${library.topics.audit-retention:7d}") Duration retention) {
		return TopicBuilder.name(AuditTrail.TOPIC)
			.partitions(partitions)
			.replicas(replicas)
			.config("cleanup.policy", "delete")
			.config("retention.ms", Long.toString(retention.toMillis()))
			.build();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(Outbox.class)
	static class AuditTrailConfiguration {

		@Bean
		AuditTrail auditTrail(Outbox outbox, @Value("${spring.application.name}") String source, CurrentTrace trace) {
			return new AuditTrail(outbox, source, Clock.systemUTC(), trace);
		}

	}

}
