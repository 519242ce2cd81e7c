package org.library.readinglist.messaging;

import java.util.List;

import org.library.contracts.Topics;
import org.library.contracts.catalog.CatalogRecord;
import org.library.platform.kafka.DeadLetterAutoConfiguration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The consumer declares its dead-letter and redrive topics of what it consumes; the
 * catalog declares the topic itself.
 */
@Configuration(proxyBeanMethods = false)
class ReadingListTopics {

	@Bean
	KafkaAdmin.NewTopics catalogBooksDeadLetterTopics(@Value("${spring.kafka.consumer.group-id}") String group,
			@Value("${library.topics.replicas:1}") short replicas) {
		return DeadLetterAutoConfiguration.deadLetterTopicsFor(group, replicas, List.of(Topics.CATALOG_BOOKS));
	}

}
