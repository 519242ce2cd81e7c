package org.library.infrastructure;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.server.common.MetadataVersion;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node Kafka broker in KRaft mode, running in this JVM (Kafka's own cluster test kit).
 *
 * <p>The test kit binds its listeners to random ports; clients that need a known port (the local stack's
 * 9092) get an extra {@code CLIENT} listener on it, which the broker advertises to whoever connects there.
 * Topics are never created implicitly: every service declares its own, with their partitions and cleanup
 * policy, so a record sent to a missing topic fails and is retried instead of creating a wrong topic.
 */
public final class EmbeddedKafkaServer implements AutoCloseable {

	/** Fixed so a data directory kept between runs is recognised as the same cluster. */
	private static final String CLUSTER_ID = "bGlicmFyeS1zZXJ2aWNlcw";

	private final KafkaClusterTestKit cluster;

	private final int port;

	private EmbeddedKafkaServer(KafkaClusterTestKit cluster, int port) {
		this.cluster = cluster;
		this.port = port;
	}

	/**
	 * @param port the client port, 0 for any free one
	 * @param dataDirectory where the logs live and survive a restart; {@code null} for a throwaway one
	 */
	public static EmbeddedKafkaServer start(int port, Path dataDirectory) {
		try {
			TestKitNodes.Builder nodes = new TestKitNodes.Builder().setCombined(true)
				.setNumBrokerNodes(1)
				.setNumControllerNodes(1)
				.setClusterId(CLUSTER_ID)
				// a released metadata version, not the test kit's unreleased one: data kept on disk stays readable
				.setBootstrapMetadataVersion(MetadataVersion.latestProduction());
			boolean throwaway = dataDirectory == null;
			// our own directory even when throwaway: the test kit's default one is deleted by a JVM shutdown hook
			// while the broker may still be running, and a broker that loses its log directory halts the JVM
			Path directory = throwaway ? Files.createTempDirectory("library-kafka") : dataDirectory;
			Files.createDirectories(directory);
			boolean formatted;
			try (var entries = Files.list(directory)) {
				formatted = entries.findAny().isPresent();
			}
			nodes.setBaseDirectory(directory);
			KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes.build())
				.setDeleteOnClose(throwaway);
			builder.setConfigProp("listeners",
					"EXTERNAL://localhost:0,CONTROLLER://localhost:0,CLIENT://localhost:" + port)
				.setConfigProp("listener.security.protocol.map",
						"EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT,CLIENT:PLAINTEXT")
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
			return new EmbeddedKafkaServer(cluster, clientPort);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Kafka did not start: " + ex.getMessage(), ex);
		}
	}

	/** Kafka's storage formatter prints to standard out; the local stack's console is for its own summary. */
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
		return cluster.brokers()
			.values()
			.iterator()
			.next()
			.boundPort(new org.apache.kafka.common.network.ListenerName("CLIENT"));
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
