package org.library.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server from the embedded binaries on Maven Central: no Docker, no
 * local install.
 *
 * <p>
 * Two ways to run it. For tests: fast and trusting (no fsync, asynchronous commit, no
 * passwords), on data that is thrown away. Durable, for data that is kept (the local
 * stack): fsync and synchronous commit on, listening on localhost only, and every role,
 * the superuser included, signs in with a password checked by SCRAM-SHA-256.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

	static final String SUPERUSER = "postgres";

	/**
	 * The first line of a pg_hba.conf this class wrote: a kept cluster without it still
	 * trusts everyone.
	 */
	private static final String HBA_MARKER = "# library local stack: every role signs in with a password";

	private static final String HBA = HBA_MARKER + """

			local   all   all                 scram-sha-256
			host    all   all   127.0.0.1/32  scram-sha-256
			host    all   all   ::1/128       scram-sha-256
			""";

	private final EmbeddedPostgres postgres;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	/**
	 * @param port the port, 0 for any free one
	 * @param dataDirectory where the cluster lives; {@code null} for a throwaway one
	 * @param superuserPassword the superuser's password for a durable server;
	 * {@code null} for the fast, trusting one tests use
	 */
	static EmbeddedPostgresServer start(int port, Path dataDirectory, String superuserPassword) {
		boolean durable = superuserPassword != null;
		if (durable && dataDirectory == null) {
			throw new IllegalArgumentException("a durable server keeps its data: give it a data directory");
		}
		try {
			if (durable && !requiresPasswords(dataDirectory)) {
				// a new cluster (initdb trusts local connections) or one kept from a
				// trusting version: give the
				// superuser its password while trust still lets us in, then require
				// passwords from here on
				try (EmbeddedPostgres trusting = builder(port, dataDirectory, true).start()) {
					setPassword(trusting, superuserPassword);
				}
			}
			EmbeddedPostgres.Builder builder = builder(port, dataDirectory, durable);
			if (durable) {
				builder.setDataDirectoryCustomizer(directory -> writeHba(directory.toPath()))
					.setConnectConfig("password", superuserPassword);
			}
			return new EmbeddedPostgresServer(builder.start());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("PostgreSQL did not start: " + ex.getMessage(), ex);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(
					"PostgreSQL's superuser could not be given its password: " + ex.getMessage(), ex);
		}
	}

	private static EmbeddedPostgres.Builder builder(int port, Path dataDirectory, boolean durable) {
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setPGStartupWait(Duration.ofSeconds(60))
			// stopped by LibraryInfrastructure, after Kafka, not by a hook of its own
			// racing the services
			.setRegisterShutdownHook(false)
			.setServerConfig("max_connections", "300")
			.setServerConfig("listen_addresses", "localhost");
		if (durable) {
			// the embedded defaults trade durability for speed (-F turns fsync off); kept
			// data needs both back
			builder.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("full_page_writes", "on")
				.setServerConfig("password_encryption", "scram-sha-256");
		}
		if (port > 0) {
			builder.setPort(port);
		}
		if (dataDirectory != null) {
			builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
		}
		return builder;
	}

	private static boolean requiresPasswords(Path dataDirectory) throws IOException {
		Path hba = dataDirectory.resolve("pg_hba.conf");
		return Files.isRegularFile(hba) && Files.readString(hba).startsWith(HBA_MARKER);
	}

	private static void writeHba(Path dataDirectory) {
		try {
			Files.writeString(dataDirectory.resolve("pg_hba.conf"), HBA);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void setPassword(EmbeddedPostgres postgres, String password) throws SQLException {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				PreparedStatement quote = connection
					.prepareStatement("SELECT format('ALTER ROLE %I PASSWORD %L', ?, ?)")) {
			quote.setString(1, SUPERUSER);
			quote.setString(2, password);
			try (ResultSet alter = quote.executeQuery(); Statement statement = connection.createStatement()) {
				alter.next();
				statement.execute(alter.getString(1));
			}
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
