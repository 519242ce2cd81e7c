package org.library.infrastructure;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a service's test context at the JVM's shared Postgres and Kafka. Only the
 * addresses change: each service still connects with its own roles, exactly as it does in
 * production.
 */
public class LibraryInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		LibraryInfrastructure infrastructure = LibraryInfrastructure.forTests();
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("library-infrastructure",
					Map.of("spring.datasource.url", infrastructure.jdbcUrl(), "spring.kafka.bootstrap-servers",
							infrastructure.kafkaBootstrapServers())));
	}

}
