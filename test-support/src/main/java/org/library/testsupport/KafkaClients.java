package org.library.testsupport;

import java.util.Map;

import org.library.infrastructure.KafkaCredentials;

/**
 * Kafka clients of the tests sign in as a principal of the ownership table, like
 * everything else that talks to the broker: the one they play
 * ({@code book-catalog-service} for a feed of the catalog's topic), or
 * {@code library-operator}, which may read every topic and write none. Passwords are the
 * tests' own: the principal's name unless the environment says otherwise.
 */
public final class KafkaClients {

	public static final String OPERATOR = "library-operator";

	private KafkaClients() {
	}

	public static Map<String, Object> as(String bootstrapServers, String principal) {
		return KafkaCredentials.client(bootstrapServers, principal,
				KafkaCredentials.passwordFor(principal, System::getenv));
	}

	public static Map<String, Object> operator(String bootstrapServers) {
		return as(bootstrapServers, OPERATOR);
	}

}
