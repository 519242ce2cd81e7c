package org.library.infrastructure;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.UnaryOperator;

/**
 * PostgreSQL and Kafka for the library services, started and provisioned together.
 *
 * <p>
 * Tests share one throwaway instance per JVM ({@link #forTests()}); the local stack
 * starts one on fixed ports with its data kept on disk and Postgres durable
 * ({@link #start(Settings)}). Fault tests stop and start Postgres or Kafka on the same
 * data and port ({@link #stopPostgres()}, {@link #startPostgres()}, ...).
 */
public final class LibraryInfrastructure implements AutoCloseable {

	public static final String DATABASE = "library";

	private static LibraryInfrastructure shared;

	private final Settings settings;

	private EmbeddedPostgresServer postgres;

	private EmbeddedKafkaServer kafka;

	private final int postgresPort;

	private final int kafkaPort;

	private LibraryInfrastructure(Settings settings, EmbeddedPostgresServer postgres, EmbeddedKafkaServer kafka) {
		this.settings = settings;
		this.postgres = postgres;
		this.kafka = kafka;
		this.postgresPort = postgres.port();
		this.kafkaPort = kafka.port();
	}

	/**
	 * Where and how to start.
	 *
	 * @param postgresPort 0 for any free port
	 * @param kafkaPort 0 for any free port
	 * @param dataDirectory where data survives a restart; {@code null} for throwaway data
	 * @param durable whether Postgres runs durable and checks passwords (the superuser's
	 * is {@code POSTGRES_PASSWORD}, by default {@code postgres}); tests run it fast and
	 * trusting
	 * @param environment where role passwords come from ({@code <ROLE>_PASSWORD})
	 */
	public record Settings(int postgresPort, int kafkaPort, Path dataDirectory, boolean durable,
			UnaryOperator<String> environment) {

		public static Settings throwaway() {
			return new Settings(0, 0, null, false, System::getenv);
		}

		String superuserPassword() {
			String password = environment.apply("POSTGRES_PASSWORD");
			return password == null || password.isBlank() ? EmbeddedPostgresServer.SUPERUSER : password;
		}

	}

	public static LibraryInfrastructure start(Settings settings) {
		// the broker needs nothing of Postgres, so the two start side by side (on a
		// thread
		// of its own: the common pool may be busy with the caller's work)
		CompletableFuture<EmbeddedKafkaServer> kafka = CompletableFuture.supplyAsync(
				() -> startKafka(settings, settings.kafkaPort()),
				task -> Thread.ofPlatform().name("kafka-start").daemon().start(task));
		EmbeddedPostgresServer postgres = null;
		try {
			postgres = startPostgres(settings, settings.postgresPort());
			new Provisioning("localhost", postgres.port(), EmbeddedPostgresServer.SUPERUSER,
					settings.durable() ? settings.superuserPassword() : EmbeddedPostgresServer.SUPERUSER,
					settings.environment())
				.run();
			return new LibraryInfrastructure(settings, postgres, kafka.join());
		}
		catch (RuntimeException ex) {
			if (postgres != null) {
				postgres.close();
			}
			// a broker that came up is stopped as soon as it is
			kafka.thenAccept(EmbeddedKafkaServer::close);
			throw ex instanceof CompletionException && ex.getCause() instanceof RuntimeException cause ? cause : ex;
		}
	}

	private static EmbeddedPostgresServer startPostgres(Settings settings, int port) {
		Path data = settings.dataDirectory();
		return EmbeddedPostgresServer.start(port, data == null ? null : data.resolve("postgres"),
				settings.durable() ? settings.superuserPassword() : null);
	}

	private static EmbeddedKafkaServer startKafka(Settings settings, int port) {
		Path data = settings.dataDirectory();
		return EmbeddedKafkaServer.start(port, data == null ? null : data.resolve("kafka"), KafkaOwnership.load(),
				settings.environment());
	}

	/**
	 * The one instance the tests of this JVM share, started on first use and stopped when
	 * the JVM exits.
	 */
	public static synchronized LibraryInfrastructure forTests() {
		if (shared == null) {
			shared = start(Settings.throwaway());
			Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "library-infrastructure-shutdown"));
		}
		return shared;
	}

	/**
	 * Stops Postgres as an operator would (a fast shutdown); its data stays for
	 * {@link #startPostgres()}.
	 */
	public synchronized void stopPostgres() {
		requireKeptData();
		if (postgres != null) {
			postgres.close();
			postgres = null;
		}
	}

	/** Starts Postgres again, on the same port and data. */
	public synchronized void startPostgres() {
		requireKeptData();
		if (postgres == null) {
			postgres = startPostgres(settings, postgresPort);
		}
	}

	/** Stops the Kafka broker; its logs stay for {@link #startKafka()}. */
	public synchronized void stopKafka() {
		requireKeptData();
		if (kafka != null) {
			kafka.close();
			kafka = null;
		}
	}

	/** Starts the Kafka broker again, on the same port and data. */
	public synchronized void startKafka() {
		requireKeptData();
		if (kafka == null) {
			kafka = startKafka(settings, kafkaPort);
		}
	}

	private void requireKeptData() {
		if (settings.dataDirectory() == null) {
			throw new IllegalStateException("only infrastructure with a data directory can be stopped and started");
		}
	}

	public int postgresPort() {
		return postgresPort;
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + postgresPort + "/" + DATABASE;
	}

	public String kafkaBootstrapServers() {
		return "localhost:" + kafkaPort;
	}

	/**
	 * A Kafka client's properties for signing in as {@code principal} of the ownership
	 * table, with the password this infrastructure gave it.
	 */
	public Map<String, Object> kafkaClient(String principal) {
		return KafkaCredentials.client(kafkaBootstrapServers(), principal,
				KafkaCredentials.passwordFor(principal, settings.environment()));
	}

	/**
	 * The broker's super user, for what only a test of the broker itself may do (such as
	 * listing every ACL).
	 */
	public synchronized Map<String, Object> kafkaSuperUser() {
		if (kafka == null) {
			throw new IllegalStateException("Kafka is stopped");
		}
		return kafka.brokerClient();
	}

	@Override
	public synchronized void close() {
		try {
			if (kafka != null) {
				kafka.close();
				kafka = null;
			}
		}
		finally {
			if (postgres != null) {
				postgres.close();
				postgres = null;
			}
		}
	}

}
