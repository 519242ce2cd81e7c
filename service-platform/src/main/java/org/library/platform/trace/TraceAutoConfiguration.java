package org.library.platform.trace;

import java.time.Duration;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.ObservationView;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.micrometer.tracing.autoconfigure.TracingProperties;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SpanExporters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.function.SingletonSupplier;

/**
 * What is worth a trace: a statement is part of the request or record it serves; a
 * statement nothing asked for (the outbox relay polling its table several times a second)
 * would be a trace of its own each time, and only noise. Of the requests and records, a
 * share is traced whole ({@code management.tracing.sampling.probability}, or the caller's
 * decision), and every one that failed or was slow is kept as its entry span
 * ({@link SampledTraces}).
 */
@AutoConfiguration(before = OpenTelemetryTracingAutoConfiguration.class)
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

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ Sampler.class, SpanExporters.class })
	static class Sampling {

		@Bean
		@ConditionalOnMissingBean
		Sampler otelSampler(TracingProperties tracing) {
			return SampledTraces.sampler(tracing.getSampling().getProbability());
		}

		/**
		 * Exports what the sampler left out but an operator needs: its own batch, since
		 * Spring Boot's exports sampled spans only.
		 */
		@Bean
		SpanProcessor failedOrSlowSpans(SpanExporters exporters,
				@Value("${library.tracing.keep-slower-than:500ms}") Duration slow) {
			return SampledTraces.keeper(BatchSpanProcessor.builder(SpanExporter.composite(exporters.list()))
				.setExportUnsampledSpans(true)
				.build(), slow);
		}

	}

}
