package org.library.platform.kafka;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Declares the service's topics ({@code NewTopic} beans) in the background, retrying
 * until the broker takes them: start-up never waits for Kafka, and a service started
 * while the broker is away still declares its topics, with their partitions and cleanup
 * policy, once it is back. Brokers here never create topics implicitly.
 */
class TopicDeclarer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(TopicDeclarer.class);

	private final KafkaAdmin admin;

	private final Duration retryInterval;

	private volatile boolean running;

	private Thread worker;

	TopicDeclarer(KafkaAdmin admin, Duration retryInterval) {
		this.admin = admin;
		this.retryInterval = retryInterval;
	}

	@Override
	public void start() {
		running = true;
		worker = Thread.ofPlatform().name("topic-declarer").daemon().start(this::declareUntilDone);
	}

	private void declareUntilDone() {
		boolean warned = false;
		while (running && !declared()) {
			if (!warned) {
				log.warn("Kafka is not reachable yet; the topics will be declared once it is");
				warned = true;
			}
			try {
				Thread.sleep(retryInterval);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		if (warned && running) {
			log.info("Kafka is reachable; topics declared");
		}
	}

	/**
	 * Whether the broker took the topics; a broker that is away or slow is "not yet",
	 * never the end of the thread.
	 */
	private boolean declared() {
		try {
			return admin.initialize();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	@Override
	public void stop() {
		running = false;
		if (worker != null) {
			worker.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

}
