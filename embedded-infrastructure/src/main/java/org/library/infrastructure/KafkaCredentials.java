package org.library.infrastructure;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * How a Kafka client of the suite signs in: SASL/SCRAM-SHA-512 as one principal of the
 * ownership table, with the password {@code <PRINCIPAL>_KAFKA_PASSWORD} gives (for
 * {@code book-catalog-service}, {@code BOOK_CATALOG_SERVICE_KAFKA_PASSWORD}), by default
 * the principal's own name for throwaway brokers.
 */
public final class KafkaCredentials {

	public static final String MECHANISM = "SCRAM-SHA-512";

	private KafkaCredentials() {
	}

	/** The variable that holds {@code principal}'s password. */
	public static String variable(String principal) {
		return principal.toUpperCase(Locale.ROOT).replace('-', '_') + "_KAFKA_PASSWORD";
	}

	public static String passwordFor(String principal, UnaryOperator<String> environment) {
		String value = environment.apply(variable(principal));
		return value == null || value.isBlank() ? principal : value;
	}

	/**
	 * A client's properties: where the broker is, and who signs in there with which
	 * password.
	 */
	public static Map<String, Object> client(String bootstrapServers, String principal, String password) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("bootstrap.servers", bootstrapServers);
		properties.put("security.protocol", "SASL_PLAINTEXT");
		properties.put("sasl.mechanism", MECHANISM);
		properties.put("sasl.jaas.config",
				jaas("org.apache.kafka.common.security.scram.ScramLoginModule", principal, password));
		return properties;
	}

	static String jaas(String module, String principal, String password) {
		return module + " required username=\"" + quoted(principal) + "\" password=\"" + quoted(password) + "\";";
	}

	private static String quoted(String value) {
		return value.replace("\\", "\\\\").replace("\"", "\\\"");
	}

}
