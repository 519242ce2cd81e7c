package org.library.benchmarks;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * An open-model load generator: requests are sent at a constant arrival rate, whether or
 * not earlier ones have been answered, over at most {@code connections} connections at
 * once. A request's latency counts from when it was due, not from when a connection was
 * free, so a suite that falls behind shows it in its percentiles (no coordinated
 * omission).
 */
final class OpenLoad {

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.executor(Executors.newVirtualThreadPerTaskExecutor())
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final int connections;

	OpenLoad(int connections) {
		this.connections = connections;
	}

	/**
	 * One run at a constant rate.
	 * @param request the i-th request of the run
	 */
	Step run(double rate, Duration duration, LongFunction<HttpRequest> request) {
		Histogram latency = new ConcurrentHistogram(TimeUnit.SECONDS.toNanos(60), 3);
		AtomicLong completedInTime = new AtomicLong();
		AtomicLong errors = new AtomicLong();
		String[] errorSample = new String[1];
		Semaphore free = new Semaphore(connections);
		long intervalNanos = (long) (1e9 / rate);
		long total = (long) (rate * duration.toNanos() / 1e9);
		long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
		long end = start + duration.toNanos();
		try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
			for (long i = 0; i < total; i++) {
				long due = start + i * intervalNanos;
				long wait = due - System.nanoTime();
				if (wait > 0) {
					LockSupport.parkNanos(wait);
				}
				free.acquireUninterruptibly();
				HttpRequest next = request.apply(i);
				senders.execute(() -> {
					try {
						HttpResponse<Void> response = HTTP.send(next, HttpResponse.BodyHandlers.discarding());
						long done = System.nanoTime();
						latency.recordValue(Math.max(0, done - due));
						if (response.statusCode() >= 300) {
							errors.incrementAndGet();
							errorSample[0] = next.method() + " " + next.uri().getPath() + " -> "
									+ response.statusCode();
						}
						else if (done <= end + intervalNanos) {
							completedInTime.incrementAndGet();
						}
					}
					catch (IOException ex) {
						errors.incrementAndGet();
						errorSample[0] = ex.toString();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					finally {
						free.release();
					}
				});
			}
		}
		return new Step(rate, completedInTime.get() / (duration.toNanos() / 1e9), errors.get(), errorSample[0],
				latency);
	}

	/**
	 * As many requests as {@code connections} callers can make one after another: a first
	 * estimate of how much the suite takes, to choose the rates {@link #run} tries.
	 */
	double saturate(Duration duration, LongFunction<HttpRequest> request) {
		AtomicLong sequence = new AtomicLong();
		AtomicLong done = new AtomicLong();
		long end = System.nanoTime() + duration.toNanos();
		try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int c = 0; c < connections; c++) {
				callers.execute(() -> {
					while (System.nanoTime() < end) {
						try {
							HTTP.send(request.apply(sequence.getAndIncrement()),
									HttpResponse.BodyHandlers.discarding());
							done.incrementAndGet();
						}
						catch (IOException ex) {
							// counted as not done
						}
						catch (InterruptedException ex) {
							Thread.currentThread().interrupt();
							return;
						}
					}
				});
			}
		}
		return done.get() / (duration.toNanos() / 1e9);
	}

	/**
	 * What one rate gave.
	 *
	 * @param achieved requests answered with success within the run's time, per second
	 */
	record Step(double offered, double achieved, long errors, String errorSample, Histogram latency) {

		/**
		 * Kept up: answered nearly all it was offered, refused none, and had no standing
		 * queue (a median under 50 ms; a suite that falls behind queues requests, and
		 * their latency counts from when each was due).
		 */
		boolean keptUp() {
			return errors == 0 && achieved >= 0.95 * offered && millis(50) <= 50;
		}

		double millis(double percentile) {
			return latency.getValueAtPercentile(percentile) / 1e6;
		}

		@Override
		public String toString() {
			return "offered %,7.0f/s  achieved %,7.0f/s  p50 %6.1f ms  p99 %6.1f ms  p99.9 %6.1f ms  errors %d%s%s"
				.formatted(offered, achieved, millis(50), millis(99), millis(99.9), errors,
						keptUp() ? "" : "  (fell behind)", errorSample == null ? "" : "  e.g. " + errorSample);
		}

	}

}
