package org.library.audit.messaging;

import org.apache.kafka.clients.admin.NewTopic;
import org.library.platform.audit.AuditTrail;
import org.library.platform.kafka.DeadLetterAutoConfiguration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The consumer declares the dead-letter topic of what it consumes.
 */
@Configuration(proxyBeanMethods = false)
class AuditTopics {

	@Bean
	NewTopic auditDeadLetterTopic(@Value("${library.topics.replicas:1}") short replicas) {
		return DeadLetterAutoConfiguration.deadLetterTopicFor(AuditTrail.TOPIC, replicas);
	}

}
