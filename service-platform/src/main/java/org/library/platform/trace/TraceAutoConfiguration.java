package org.library.platform.trace;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.ObservationView;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.util.function.SingletonSupplier;

/**
 * What is worth a trace: a statement is part of the request or record it serves; a
 * statement nothing asked for (the outbox relay polling its table several times a second)
 * would be a trace of its own each time, and only noise.
 */
@AutoConfiguration
@ConditionalOnClass(ObservationPredicate.class)
public class TraceAutoConfiguration {

	@Bean
	ObservationPredicate onlyStatementsSomethingAskedFor(ObjectProvider<ObservationRegistry> observations) {
		// asked when the statement's observation is made, before it has a real parent: so
		// look at what is going on
		// (the registry looked up once: it cannot be injected into a predicate it is made
		// with)
		SingletonSupplier<ObservationRegistry> registry = SingletonSupplier.of(observations::getObject);
		return (name, context) -> !name.startsWith("jdbc.") || !isNoop(context.getParentObservation())
				|| !isNoop(registry.obtain().getCurrentObservation());
	}

	private static boolean isNoop(ObservationView observation) {
		return observation == null || observation instanceof Observation real && real.isNoop();
	}

}
