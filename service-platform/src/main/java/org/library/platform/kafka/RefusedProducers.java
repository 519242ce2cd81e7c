package org.library.platform.kafka;

import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;

import org.springframework.kafka.core.ProducerFactory;

/**
 * A broker that refused a producer's credentials or its right to write (a broker just
 * started, before its ownership table is applied; a credential or an ACL being fixed)
 * leaves an idempotent producer refused for good. Such a producer is closed, so the next
 * try, which the fault's retry makes, starts a new one.
 */
public final class RefusedProducers {

	private RefusedProducers() {
	}

	/**
	 * Closes {@code factory}'s producer when {@code failure} is such a refusal; anything
	 * else leaves it be.
	 */
	public static void resetIfRefused(ProducerFactory<?, ?> factory, Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof AuthenticationException || cause instanceof AuthorizationException) {
				factory.reset();
				return;
			}
		}
	}

}
