package org.library.audit.messaging;

import org.library.contracts.Topics;
import org.library.platform.kafka.DeadLetterAutoConfiguration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The consumer declares its dead-letter and redrive topics of each audit topic it reads;
 * each writing service declares its audit topic itself.
 */
@Configuration(proxyBeanMethods = false)
class AuditTopics {

	@Bean
	KafkaAdmin.NewTopics auditDeadLetterTopics(AuditSources sources,
			@Value("${spring.kafka.consumer.group-id}") String group,
			@Value("${library.topics.replicas:1}") short replicas) {
		return DeadLetterAutoConfiguration.deadLetterTopicsFor(group, replicas,
				sources.sources().stream().map(Topics::auditTopicOf).toList());
	}

}
