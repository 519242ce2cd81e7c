package org.library.platform.trace;

import java.time.Duration;
import java.util.List;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;

/**
 * Which traces are kept: a share of them (the caller's decision when it made one), and
 * besides those every request or record that failed or was slow, which is what an
 * operator looks for.
 * <p>
 * A head sampler decides before the work is done, so the entry span (a request served, a
 * record consumed) of a trace it leaves out is still recorded, though not sampled; the
 * spans below it (statements, calls out) are not made at all, which is where the saving
 * is. When that entry span ends failed or slow, {@link #keeper} exports it alone.
 */
final class SampledTraces {

	private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("outcome");

	private SampledTraces() {
	}

	/**
	 * The caller's decision when there is one, else {@code probability} of new traces;
	 * entry spans left out are recorded only.
	 */
	static Sampler sampler(double probability) {
		return new EntriesRecorded(Sampler.parentBased(Sampler.traceIdRatioBased(probability)));
	}

	/**
	 * Passes to {@code export} (a processor that exports unsampled spans) each recorded,
	 * unsampled span that failed or took at least {@code slow}.
	 */
	static SpanProcessor keeper(SpanProcessor export, Duration slow) {
		return new Keeper(export, slow.toNanos());
	}

	static boolean failed(ReadableSpan span) {
		String outcome = span.getAttribute(OUTCOME);
		if (outcome != null) {
			// an HTTP request: a refusal (4xx) is the caller's mistake, not the service's
			return outcome.equals("SERVER_ERROR");
		}
		return span.toSpanData().getStatus().getStatusCode() == StatusCode.ERROR;
	}

	private record EntriesRecorded(Sampler delegate) implements Sampler {

		@Override
		public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
				Attributes attributes, List<LinkData> parentLinks) {
			SamplingResult result = delegate.shouldSample(parentContext, traceId, name, spanKind, attributes,
					parentLinks);
			if (result.getDecision() == SamplingDecision.DROP
					&& (spanKind == SpanKind.SERVER || spanKind == SpanKind.CONSUMER)) {
				return SamplingResult.recordOnly();
			}
			return result;
		}

		@Override
		public String getDescription() {
			return "EntriesRecorded{" + delegate.getDescription() + "}";
		}

	}

	private record Keeper(SpanProcessor export, long slowNanos) implements SpanProcessor {

		@Override
		public void onStart(Context parentContext, ReadWriteSpan span) {
		}

		@Override
		public boolean isStartRequired() {
			return false;
		}

		@Override
		public void onEnd(ReadableSpan span) {
			// sampled spans are the usual processor's
			if (!span.getSpanContext().isSampled() && (span.getLatencyNanos() >= slowNanos || failed(span))) {
				export.onEnd(span);
			}
		}

		@Override
		public boolean isEndRequired() {
			return true;
		}

		@Override
		public io.opentelemetry.sdk.common.CompletableResultCode shutdown() {
			return export.shutdown();
		}

		@Override
		public io.opentelemetry.sdk.common.CompletableResultCode forceFlush() {
			return export.forceFlush();
		}

	}

}
