package org.library.audit.messaging;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.library.contracts.Topics;
import org.library.platform.kafka.DeadLetterAutoConfiguration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The consumer declares its dead-letter and redrive topics of each audit topic it reads,
 * and the topic of the checkpoints it signs; each writing service declares its audit
 * topic itself.
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

	/**
	 * The checkpoints are kept for good, in one partition: in the order they were signed.
	 */
	@Bean
	NewTopic auditCheckpointsTopic(@Value("${library.topics.replicas:1}") short replicas) {
		return TopicBuilder.name(Topics.AUDIT_CHECKPOINTS)
			.partitions(1)
			.replicas(replicas)
			.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE)
			.config(TopicConfig.RETENTION_MS_CONFIG, "-1")
			.build();
	}

}
