package org.library.platform.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox relay paces itself.
 *
 * @param batchSize events sent per transaction
 * @param pollInterval how often to look for events nobody announced (another instance's,
 * or left from a crash)
 * @param sendTimeout how long to wait for the broker to acknowledge a batch
 * @param initialBackoff the first pause after a failed batch; it doubles up to
 * {@code maxBackoff}
 * @param shutdownTimeout how long stopping waits for a batch in flight
 */
@ConfigurationProperties("library.outbox")
public record OutboxProperties(@DefaultValue("500") int batchSize, @DefaultValue("1s") Duration pollInterval,
		@DefaultValue("10s") Duration sendTimeout, @DefaultValue("200ms") Duration initialBackoff,
		@DefaultValue("5s") Duration maxBackoff, @DefaultValue("10s") Duration shutdownTimeout) {
}
