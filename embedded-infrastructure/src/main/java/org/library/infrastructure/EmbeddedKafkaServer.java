package org.library.infrastructure;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.UnaryOperator;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node Kafka broker in KRaft mode, running in this JVM (Kafka's own cluster
 * test kit).
 *
 * <p>
 * Clients connect to the {@code CLIENT} listener (the local stack's 9092, any free port
 * in tests) and sign in there with SASL/SCRAM-SHA-512 as a principal of the ownership
 * table ({@link KafkaOwnership}); a connection that does not sign in is refused, and the
 * authorizer allows a principal only what the table grants. The test kit's own listeners
 * (the broker's and the controller's, on random ports) take SASL/PLAIN for one user, the
 * broker itself, whose password is made afresh at every start and never leaves this JVM:
 * it is the super user that applies the table.
 *
 * <p>
 * Topics are never created implicitly: every service declares its own, with their
 * partitions and cleanup policy, so a record sent to a missing topic fails and is retried
 * instead of creating a wrong topic.
 */
public final class EmbeddedKafkaServer implements AutoCloseable {

	/** Fixed so a data directory kept between runs is recognised as the same cluster. */
	private static final String CLUSTER_ID = "bGlicmFyeS1zZXJ2aWNlcw";

	/** The broker's own principal on its inner listeners, and the super user. */
	static final String BROKER = "library-broker";

	private final KafkaClusterTestKit cluster;

	private final int port;

	private final String brokerPassword;

	private EmbeddedKafkaServer(KafkaClusterTestKit cluster, int port, String brokerPassword) {
		this.cluster = cluster;
		this.port = port;
		this.brokerPassword = brokerPassword;
	}

	/**
	 * @param port the client port, 0 for any free one
	 * @param dataDirectory where the logs live and survive a restart; {@code null} for a
	 * throwaway one
	 */
	public static EmbeddedKafkaServer start(int port, Path dataDirectory) {
		return start(port, dataDirectory, KafkaOwnership.load(), System::getenv);
	}

	/**
	 * @param port the client port, 0 for any free one
	 * @param dataDirectory where the logs live and survive a restart; {@code null} for a
	 * throwaway one
	 * @param ownership who may do what, applied before the broker is handed out
	 * @param environment where the principals' passwords come from
	 * ({@link KafkaCredentials#passwordFor})
	 */
	public static EmbeddedKafkaServer start(int port, Path dataDirectory, KafkaOwnership ownership,
			UnaryOperator<String> environment) {
		try {
			TestKitNodes.Builder nodes = new TestKitNodes.Builder().setCombined(true)
				.setNumBrokerNodes(1)
				.setNumControllerNodes(1)
				.setClusterId(CLUSTER_ID)
				// a released metadata version, not the test kit's unreleased one: data
				// kept on disk stays readable
				.setBootstrapMetadataVersion(MetadataVersion.latestProduction());
			boolean throwaway = dataDirectory == null;
			// our own directory even when throwaway: the test kit's default one is
			// deleted by a JVM shutdown hook
			// while the broker may still be running, and a broker that loses its log
			// directory halts the JVM
			Path directory = throwaway ? Files.createTempDirectory("library-kafka") : dataDirectory;
			Files.createDirectories(directory);
			boolean formatted;
			try (var entries = Files.list(directory)) {
				formatted = entries.findAny().isPresent();
			}
			nodes.setBaseDirectory(directory);
			KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes.build())
				.setDeleteOnClose(throwaway);
			String brokerPassword = UUID.randomUUID().toString();
			String brokerLogin = KafkaCredentials
				.jaas("org.apache.kafka.common.security.plain.PlainLoginModule", BROKER, brokerPassword)
				.replace(";", " user_" + BROKER + "=\"" + brokerPassword + "\";");
			builder
				.setConfigProp("listeners",
						"EXTERNAL://localhost:0,CONTROLLER://localhost:0,CLIENT://localhost:" + port)
				.setConfigProp("listener.security.protocol.map",
						"EXTERNAL:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT,CLIENT:SASL_PLAINTEXT")
				.setConfigProp("sasl.mechanism.inter.broker.protocol", "PLAIN")
				.setConfigProp("sasl.mechanism.controller.protocol", "PLAIN")
				.setConfigProp("listener.name.external.sasl.enabled.mechanisms", "PLAIN")
				.setConfigProp("listener.name.controller.sasl.enabled.mechanisms", "PLAIN")
				.setConfigProp("listener.name.external.plain.sasl.jaas.config", brokerLogin)
				.setConfigProp("listener.name.controller.plain.sasl.jaas.config", brokerLogin)
				.setConfigProp("listener.name.client.sasl.enabled.mechanisms", KafkaCredentials.MECHANISM)
				.setConfigProp("listener.name.client.scram-sha-512.sasl.jaas.config",
						"org.apache.kafka.common.security.scram.ScramLoginModule required;")
				.setConfigProp("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
				.setConfigProp("allow.everyone.if.no.acl.found", "false")
				.setConfigProp("super.users", "User:" + BROKER)
				.setConfigProp("auto.create.topics.enable", "false")
				.setConfigProp("group.initial.rebalance.delay.ms", "0")
				.setConfigProp("offsets.topic.replication.factor", "1")
				.setConfigProp("transaction.state.log.replication.factor", "1")
				.setConfigProp("transaction.state.log.min.isr", "1")
				.setConfigProp("num.partitions", "3")
				.setConfigProp("log.cleaner.backoff.ms", "1000")
				.setConfigProp("unstable.api.versions.enable", "false")
				.setConfigProp("unstable.feature.versions.enable", "false");
			KafkaClusterTestKit cluster = builder.build();
			if (!formatted) {
				formatQuietly(cluster);
			}
			cluster.startup();
			cluster.waitForReadyBrokers();
			int clientPort = port > 0 ? port : boundClientPort(cluster);
			EmbeddedKafkaServer server = new EmbeddedKafkaServer(cluster, clientPort, brokerPassword);
			try {
				server.own(ownership, environment);
			}
			catch (RuntimeException ex) {
				server.close();
				throw ex;
			}
			return server;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Kafka did not start: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Applies the ownership table as the broker's super user, then waits until the broker
	 * takes the credentials it made: they reach the listeners through the metadata log, a
	 * moment after the controller has them.
	 */
	private void own(KafkaOwnership ownership, UnaryOperator<String> environment) {
		try (Admin admin = Admin.create(brokerClient())) {
			ownership.apply(admin, environment);
		}
		String last = ownership.principals().getLast();
		Map<String, Object> probe = new LinkedHashMap<>(
				KafkaCredentials.client(bootstrapServers(), last, KafkaCredentials.passwordFor(last, environment)));
		probe.put("default.api.timeout.ms", 2000);
		probe.put("request.timeout.ms", 2000);
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (true) {
			try (Admin admin = Admin.create(probe)) {
				admin.describeCluster().clusterId().get();
				return;
			}
			catch (ExecutionException ex) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException(
							"Kafka did not take the credentials of " + last + ": " + ex.getCause().getMessage(),
							ex.getCause());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	/**
	 * The broker's super user on its own listener: for applying the table, and for fault
	 * tests' checks.
	 */
	Map<String, Object> brokerClient() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("bootstrap.servers", cluster.bootstrapServers());
		properties.put("security.protocol", "SASL_PLAINTEXT");
		properties.put("sasl.mechanism", "PLAIN");
		properties.put("sasl.jaas.config", KafkaCredentials
			.jaas("org.apache.kafka.common.security.plain.PlainLoginModule", BROKER, brokerPassword));
		return properties;
	}

	/**
	 * Kafka's storage formatter prints to standard out; the local stack's console is for
	 * its own summary.
	 */
	private static void formatQuietly(KafkaClusterTestKit cluster) throws Exception {
		PrintStream out = System.out;
		System.setOut(new PrintStream(OutputStream.nullOutputStream()));
		try {
			cluster.format();
		}
		finally {
			System.setOut(out);
		}
	}

	private static int boundClientPort(KafkaClusterTestKit cluster) {
		return cluster.brokers().values().iterator().next().boundPort(new ListenerName("CLIENT"));
	}

	public String bootstrapServers() {
		return "localhost:" + port;
	}

	/** The client port, the same again when the broker is started on the same data. */
	int port() {
		return port;
	}

	@Override
	public void close() {
		try {
			cluster.close();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Kafka did not stop cleanly: " + ex.getMessage(), ex);
		}
	}

}
