package org.library.platform.trace;

import java.util.Map;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.function.SingletonSupplier;

/**
 * The trace the current work belongs to: the request's (continued from the caller's W3C
 * {@code traceparent}) or the consumed record's. The outbox keeps it with each event, so
 * the record it becomes, the consumer that reads it and the audit row it ends in all
 * carry the same trace id. Without tracing there is no trace, and nothing is added.
 */
public class CurrentTrace {

	// looked up once, not at every event: a bean lookup by type was a few per cent of a
	// lend's CPU
	private final SingletonSupplier<Tracer> tracer;

	private final SingletonSupplier<Propagator> propagator;

	public CurrentTrace(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		this.tracer = SingletonSupplier.of(tracer::getIfAvailable);
		this.propagator = SingletonSupplier.of(propagator::getIfAvailable);
	}

	/** The current trace id (32 hex digits), or {@code null} outside any trace. */
	public String traceId() {
		Span span = span();
		return span == null ? null : span.context().traceId();
	}

	/**
	 * Adds the current trace context to {@code headers} as the propagation format names
	 * it ({@code traceparent}).
	 */
	public void injectInto(Map<String, String> headers) {
		Span span = span();
		Propagator format = propagator.get();
		if (span != null && format != null) {
			format.inject(span.context(), headers, Map::put);
		}
	}

	private Span span() {
		Tracer current = tracer.get();
		return current == null ? null : current.currentSpan();
	}

}
