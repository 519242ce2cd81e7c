package org.library.audit.messaging;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.library.audit.Checkpoints;
import org.library.contracts.CloudEventHeaders;
import org.library.contracts.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes every signed checkpoint to {@link Topics#AUDIT_CHECKPOINTS}, which only the
 * audit service may write and nobody may rewrite: a database owner who rewrites the trail
 * and its checkpoint table cannot take back what the topic holds. Oldest first, each once
 * Kafka has acknowledged the one before; a failed send is tried again on the next round,
 * so one may arrive twice (the same note, the same {@code ce_id}).
 */
@Component
class CheckpointPublisher {

	static final String TYPE = "org.library.audit.Checkpoint";

	private static final Logger log = LoggerFactory.getLogger(CheckpointPublisher.class);

	private final Checkpoints checkpoints;

	private final KafkaTemplate<String, String> kafka;

	private final String source;

	CheckpointPublisher(Checkpoints checkpoints, KafkaTemplate<String, String> kafka,
			@Value("${spring.application.name}") String source) {
		this.checkpoints = checkpoints;
		this.kafka = kafka;
		this.source = source;
	}

	@Scheduled(fixedDelayString = "${library.audit.checkpoint-interval:5s}",
			initialDelayString = "${library.audit.checkpoint-interval:5s}")
	void publishSigned() {
		try {
			publish();
		}
		catch (RuntimeException ex) {
			log.warn("Checkpoints not published this time, tried again next time: {}", ex.toString());
		}
	}

	/**
	 * @return how many were published
	 */
	int publish() {
		int published = 0;
		for (Checkpoints.Unpublished checkpoint : checkpoints.unpublished(100)) {
			ProducerRecord<String, String> record = new ProducerRecord<>(Topics.AUDIT_CHECKPOINTS, null,
					checkpoint.signedAt().toEpochMilli(), checkpoints.origin(), checkpoint.note());
			header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.VERSION_1_0);
			// one id per checkpoint, however often it is sent
			header(record, CloudEventHeaders.ID,
					UUID.nameUUIDFromBytes(
							(checkpoints.origin() + "\n" + checkpoint.size()).getBytes(StandardCharsets.UTF_8))
						.toString());
			header(record, CloudEventHeaders.SOURCE, source);
			header(record, CloudEventHeaders.TYPE, TYPE);
			header(record, CloudEventHeaders.TIME, checkpoint.signedAt().toString());
			header(record, CloudEventHeaders.ACTOR, source);
			header(record, "content-type", "text/plain");
			try {
				kafka.send(record).get(10, TimeUnit.SECONDS);
			}
			catch (ExecutionException | TimeoutException ex) {
				throw new IllegalStateException("the checkpoint of " + checkpoint.size() + " was not published", ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return published;
			}
			checkpoints.published(checkpoint.size());
			published++;
		}
		return published;
	}

	private static void header(ProducerRecord<String, String> record, String name, String value) {
		record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
	}

}
