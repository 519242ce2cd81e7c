package org.library.audit;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The log's signed checkpoints: its origin ({@code library.audit.origin}), the key kept
 * outside the database, and the signing every few seconds.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CheckpointConfiguration {

	@Bean
	CheckpointKey checkpointKey(@Value("${library.audit.origin}") String origin,
			@Value("${library.audit.checkpoint-key-directory:}") String directory) {
		return CheckpointKey.load(origin, directory.isBlank() ? null : Path.of(directory));
	}

	@Bean
	Checkpoints checkpoints(MerkleLog tree, JdbcClient jdbc, CheckpointKey key,
			@Value("${library.audit.origin}") String origin) {
		return new Checkpoints(tree, jdbc, key, origin);
	}

	/**
	 * Named {@code checkpoints} in health: down while the signer refuses the stored tree
	 * (someone rewrote it), with the reason for an operator. Not part of readiness: the
	 * auditors' API is what they investigate with.
	 */
	@Bean
	HealthIndicator checkpointsHealthIndicator(Checkpoints checkpoints) {
		return () -> checkpoints.refusal()
			.map(refusal -> Health.down().withDetail("refused", refusal).build())
			.orElseGet(() -> Health.up().build());
	}

}
