package org.library.infrastructure;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * PostgreSQL and Kafka for the library services, started and provisioned together.
 *
 * <p>Tests share one throwaway instance per JVM ({@link #forTests()}); the local stack starts one on fixed
 * ports with its data kept on disk ({@link #start(Settings)}).
 */
public final class LibraryInfrastructure implements AutoCloseable {

	public static final String DATABASE = "library";

	private static LibraryInfrastructure shared;

	private final EmbeddedPostgresServer postgres;

	private final EmbeddedKafkaServer kafka;

	private LibraryInfrastructure(EmbeddedPostgresServer postgres, EmbeddedKafkaServer kafka) {
		this.postgres = postgres;
		this.kafka = kafka;
	}

	/**
	 * Where and how to start.
	 * @param postgresPort 0 for any free port
	 * @param kafkaPort 0 for any free port
	 * @param dataDirectory where data survives a restart; {@code null} for throwaway data
	 * @param environment where role passwords come from ({@code <ROLE>_PASSWORD})
	 */
	public record Settings(int postgresPort, int kafkaPort, Path dataDirectory, UnaryOperator<String> environment) {

		public static Settings throwaway() {
			return new Settings(0, 0, null, System::getenv);
		}

	}

	public static LibraryInfrastructure start(Settings settings) {
		Path data = settings.dataDirectory();
		EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(settings.postgresPort(),
				data == null ? null : data.resolve("postgres"));
		try {
			new Provisioning("localhost", postgres.port(), "postgres", "postgres", settings.environment()).run();
			EmbeddedKafkaServer kafka = EmbeddedKafkaServer.start(settings.kafkaPort(),
					data == null ? null : data.resolve("kafka"));
			return new LibraryInfrastructure(postgres, kafka);
		}
		catch (RuntimeException ex) {
			postgres.close();
			throw ex;
		}
	}

	/**
	 * The one instance the tests of this JVM share, started on first use and stopped when the JVM exits.
	 */
	public static synchronized LibraryInfrastructure forTests() {
		if (shared == null) {
			shared = start(Settings.throwaway());
			Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "library-infrastructure-shutdown"));
		}
		return shared;
	}

	public int postgresPort() {
		return postgres.port();
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + postgres.port() + "/" + DATABASE;
	}

	public String kafkaBootstrapServers() {
		return kafka.bootstrapServers();
	}

	@Override
	public void close() {
		try {
			kafka.close();
		}
		finally {
			postgres.close();
		}
	}

}
