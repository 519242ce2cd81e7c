package org.library.testsupport;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The service a test runs against, as a client and an operator see it: where it listens,
 * the broker it uses, and its database as any of the library's roles.
 *
 * @param port the port it serves HTTP on
 * @param bootstrapServers its Kafka broker
 * @param jdbcUrl its database
 */
public record ServiceUnderTest(int port, String bootstrapServers, String jdbcUrl) {

	public Http http() {
		return new Http(port);
	}

	/**
	 * The database as {@code role}, signing in with the role's local password (its name).
	 */
	public JdbcClient as(String role) {
		return JdbcClient.create(new DriverManagerDataSource(jdbcUrl, role, role));
	}

}
