package org.library.readinglist.messaging;

import org.apache.kafka.clients.admin.NewTopic;
import org.library.platform.catalog.CatalogRecord;
import org.library.platform.kafka.DeadLetterAutoConfiguration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The consumer declares the dead-letter topic of what it consumes; the catalog declares the topic itself.
 */
@Configuration(proxyBeanMethods = false)
class ReadingListTopics {

	@Bean
	NewTopic catalogBooksDeadLetterTopic(@Value("${library.topics.replicas:1}") short replicas) {
		return DeadLetterAutoConfiguration.deadLetterTopicFor(CatalogRecord.TOPIC, replicas);
	}

}
