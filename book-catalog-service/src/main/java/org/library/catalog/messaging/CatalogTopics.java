package org.library.catalog.messaging;

import org.apache.kafka.clients.admin.NewTopic;
import org.library.contracts.Topics;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The catalog declares the topic it owns. Compacted: the topic keeps the latest snapshot
 * of every book, so a new consumer can rebuild its copy of the catalog from it.
 */
@Configuration(proxyBeanMethods = false)
class CatalogTopics {

	@Bean
	NewTopic catalogBooksTopic(@Value("${library.topics.partitions:3}") int partitions,
			@Value("${library.topics.replicas:1}") short replicas) {
		return TopicBuilder.name(Topics.CATALOG_BOOKS).partitions(partitions).replicas(replicas).compact().build();
	}

}
