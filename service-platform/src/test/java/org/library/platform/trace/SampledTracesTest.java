package org.library.platform.trace;

import java.time.Duration;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.testing.time.TestClock;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sampler and the keeper as Spring Boot's tracer provider runs them: a share of the
 * traces whole, a caller's decision followed, and what was left out kept when it failed
 * or was slow, as its entry span alone.
 */
class SampledTracesTest {

	private static final Duration SLOW = Duration.ofMillis(500);

	private final InMemorySpanExporter exported = InMemorySpanExporter.create();

	private final TestClock clock = TestClock.create();

	private SdkTracerProvider provider;

	private Tracer tracer(double probability) {
		provider = SdkTracerProvider.builder()
			.setClock(clock)
			.setSampler(SampledTraces.sampler(probability))
			// Spring Boot's own processor: sampled spans only
			.addSpanProcessor(SimpleSpanProcessor.create(exported))
			.addSpanProcessor(SampledTraces
				.keeper(SimpleSpanProcessor.builder(exported).setExportUnsampledSpans(true).build(), SLOW))
			.build();
		return provider.get("test");
	}

	@AfterEach
	void close() {
		provider.close();
	}

	@Test
	void aTraceLeftOutThatSucceedsQuicklyLeavesNothingAndItsStatementsAreNotEvenRecorded() {
		Tracer tracer = tracer(0.0);

		Span request = tracer.spanBuilder("http get /api/books").setSpanKind(SpanKind.SERVER).startSpan();
		Span statement = tracer.spanBuilder("query")
			.setSpanKind(SpanKind.CLIENT)
			.setParent(Context.current().with(request))
			.startSpan();
		statement.end();
		request.setAttribute("outcome", "SUCCESS").end();

		assertThat(request.isRecording()).isFalse();
		assertThat(request.getSpanContext().isValid()).as("a trace id for the outbox and the audit row").isTrue();
		assertThat(statement.isRecording()).isFalse();
		assertThat(exported.getFinishedSpanItems()).isEmpty();
	}

	@Test
	void aRequestLeftOutThatFailsIsKeptAsItsEntrySpanAlone() {
		Tracer tracer = tracer(0.0);

		Span request = tracer.spanBuilder("http post /api/books").setSpanKind(SpanKind.SERVER).startSpan();
		Span statement = tracer.spanBuilder("query").setParent(Context.current().with(request)).startSpan();
		statement.end();
		request.setAttribute("outcome", "SERVER_ERROR").end();

		assertThat(exported.getFinishedSpanItems()).extracting(SpanData::getName)
			.containsExactly("http post /api/books");
	}

	@Test
	void aRefusedRequestIsTheCallersMistakeAndIsNotKept() {
		Tracer tracer = tracer(0.0);

		tracer.spanBuilder("http post /api/books")
			.setSpanKind(SpanKind.SERVER)
			.startSpan()
			.setAttribute("outcome", "CLIENT_ERROR")
			.end();

		assertThat(exported.getFinishedSpanItems()).isEmpty();
	}

	@Test
	void aRecordLeftOutWhoseListenerThrowsIsKept() {
		Tracer tracer = tracer(0.0);

		tracer.spanBuilder("library.catalog.books receive")
			.setSpanKind(SpanKind.CONSUMER)
			.startSpan()
			.setStatus(StatusCode.ERROR, "the database is away")
			.end();

		assertThat(exported.getFinishedSpanItems()).extracting(span -> span.getStatus().getStatusCode())
			.containsExactly(StatusCode.ERROR);
	}

	@Test
	void aSlowRequestLeftOutIsKeptAndOneJustFasterIsNot() {
		Tracer tracer = tracer(0.0);

		Span slow = tracer.spanBuilder("slow").setSpanKind(SpanKind.SERVER).startSpan();
		clock.advance(SLOW);
		slow.setAttribute("outcome", "SUCCESS").end();
		Span quick = tracer.spanBuilder("quick").setSpanKind(SpanKind.SERVER).startSpan();
		clock.advance(SLOW.minusMillis(1));
		quick.setAttribute("outcome", "SUCCESS").end();

		assertThat(exported.getFinishedSpanItems()).extracting(SpanData::getName).containsExactly("slow");
	}

	@Test
	void aSampledTraceIsExportedWholeOnceNotTwice() {
		Tracer tracer = tracer(1.0);

		Span request = tracer.spanBuilder("http get /api/books").setSpanKind(SpanKind.SERVER).startSpan();
		tracer.spanBuilder("query").setParent(Context.current().with(request)).startSpan().end();
		request.setAttribute("outcome", "SERVER_ERROR").end();

		assertThat(exported.getFinishedSpanItems()).extracting(SpanData::getName)
			.containsExactly("query", "http get /api/books");
	}

	@Test
	void aCallerThatSampledItsTraceHasItTracedWhateverTheShare() {
		Tracer sampleNothing = tracer(0.0);

		Span asked = sampleNothing.spanBuilder("asked for")
			.setSpanKind(SpanKind.SERVER)
			.setParent(remoteParent(TraceFlags.getSampled()))
			.startSpan();
		asked.end();

		assertThat(asked.getSpanContext().isSampled()).isTrue();
		assertThat(exported.getFinishedSpanItems()).extracting(SpanData::getName).containsExactly("asked for");
	}

	@Test
	void aCallerThatLeftItsTraceOutHasItLeftOutWhateverTheShareButKeepsItsId() {
		Tracer sampleEverything = tracer(1.0);

		Span declined = sampleEverything.spanBuilder("declined")
			.setSpanKind(SpanKind.SERVER)
			.setParent(remoteParent(TraceFlags.getDefault()))
			.startSpan();
		declined.setAttribute("outcome", "SUCCESS").end();

		assertThat(declined.getSpanContext().isSampled()).isFalse();
		assertThat(declined.getSpanContext().getTraceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
		assertThat(exported.getFinishedSpanItems()).isEmpty();
	}

	@Test
	void aTenthOfNewTracesIsSampledByTheirIds() {
		Tracer tracer = tracer(0.1);
		int sampled = 0;
		for (int i = 0; i < 10_000; i++) {
			Span span = tracer.spanBuilder("request").setSpanKind(SpanKind.SERVER).startSpan();
			sampled += span.getSpanContext().isSampled() ? 1 : 0;
			span.end();
		}
		assertThat(sampled).isBetween(850, 1150);
	}

	private static Context remoteParent(TraceFlags flags) {
		return Context.root()
			.with(Span.wrap(SpanContext.createFromRemoteParent("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7",
					flags, TraceState.getDefault())));
	}

}
