package org.library.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server from the embedded binaries on Maven Central: no Docker, no local install.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

	private final EmbeddedPostgres postgres;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	/**
	 * @param port the port, 0 for any free one
	 * @param dataDirectory where the cluster lives; {@code null} for a throwaway one
	 */
	static EmbeddedPostgresServer start(int port, Path dataDirectory) {
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setPGStartupWait(Duration.ofSeconds(60))
			// stopped by LibraryInfrastructure, after Kafka, not by a hook of its own racing the services
			.setRegisterShutdownHook(false)
			.setServerConfig("max_connections", "300")
			.setServerConfig("listen_addresses", "localhost");
		if (port > 0) {
			builder.setPort(port);
		}
		if (dataDirectory != null) {
			builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
		}
		try {
			return new EmbeddedPostgresServer(builder.start());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("PostgreSQL did not start: " + ex.getMessage(), ex);
		}
	}

	int port() {
		return postgres.getPort();
	}

	@Override
	public void close() {
		try {
			postgres.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
