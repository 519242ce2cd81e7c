package org.library.platform.kafka;

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.ProducerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A producer refused by the broker's security is replaced; one that met any other fault
 * is kept.
 */
class RefusedProducersTest {

	private final AtomicInteger resets = new AtomicInteger();

	private final ProducerFactory<String, String> factory = new ProducerFactory<>() {

		@Override
		public Producer<String, String> createProducer() {
			throw new UnsupportedOperationException("not needed here");
		}

		@Override
		public void reset() {
			resets.incrementAndGet();
		}

	};

	@Test
	void aProducerRefusedItsCredentialsOrItsRightToWriteIsReplaced() {
		RefusedProducers.resetIfRefused(factory, new SaslAuthenticationException("invalid credentials"));
		// what an idempotent producer throws ever after it was refused
		RefusedProducers.resetIfRefused(factory,
				new KafkaException(
						"Cannot perform send because at least one " + "previous idempotent request has failed",
						new ClusterAuthorizationException("Cluster authorization failed")));
		assertThat(resets).hasValue(2);
	}

	@Test
	void aProducerThatMetAnyOtherFaultIsKept() {
		RefusedProducers.resetIfRefused(factory, new TimeoutException("broker away"));
		RefusedProducers.resetIfRefused(factory, new IllegalStateException("anything else"));
		assertThat(resets).hasValue(0);
	}

}
