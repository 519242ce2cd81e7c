package org.library.platform.kafka;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The dead letters of this service's consumers, at {@code /actuator/deadletters}: how
 * many wait on each dead-letter topic and why; and, once their cause is fixed, a redrive
 * that hands them to the consumer again, all of them or a range of offsets ({@code POST
 * /actuator/deadletters/{dlt}} with {@code {"from":…,"to":…}}).
 *
 * <p>
 * Each consumer group has its own dead-letter topic per topic it consumes,
 * {@code <topic>.<group>.DLT}, and only it may write there. A redrive sends a dead letter
 * to the group's redrive topic of the same topic, {@code <topic>.<group>.redrive}, which
 * its listener consumes as if from the topic itself: never anywhere a header names, and
 * never a record that its own group did not dead-letter. (The topic itself has one
 * writer, its owner, so a consumer could not send it back there.) How far a service has
 * redriven is the committed offset of its group {@code <group>.redrive} on the
 * dead-letter topic, so a dead letter is redriven once, and what waits is what lies
 * beyond that offset. Redriven records keep their key, value and CloudEvents headers (so
 * consumers dedupe them by {@code ce_id}), and carry {@code library_redriven_from} saying
 * where they were. Every redrive is told to the service's {@link RedriveLog}, which puts
 * it in the audit trail.
 */
@Endpoint(id = "deadletters")
public class DeadLetters implements AutoCloseable {

	private final DeadLetterReader reader;

	private final DeadLetterRedrive redrive;

	DeadLetters(DeadLetterReader reader, DeadLetterRedrive redrive) {
		this.reader = reader;
		this.redrive = redrive;
	}

	/** Closes the redrive's producer when the service stops. */
	@Override
	public void close() {
		redrive.close();
	}

	/** Per dead-letter topic: waiting, redriven, and the reasons of what waits. */
	@ReadOperation
	public synchronized Map<String, Summary> deadLetters() {
		return reader.summaries();
	}

	/**
	 * Sends dead letters back to their consumer: those in {@code [from, to]} (offsets on
	 * the dead-letter topic), by default all that wait.
	 */
	@WriteOperation
	public synchronized Redrive redrive(@Selector String deadLetterTopic, @Nullable Long from, @Nullable Long to) {
		List<String> deadLetterTopics = reader.deadLetterTopics();
		if (!deadLetterTopics.contains(deadLetterTopic)) {
			throw new InvalidEndpointRequestException("not a dead-letter topic of this service: " + deadLetterTopic
					+ "; its dead-letter topics are " + deadLetterTopics, "unknown dead-letter topic");
		}
		return redrive.redrive(deadLetterTopic, from, to);
	}

	/**
	 * One dead-letter topic as this service sees it.
	 *
	 * @param waiting dead letters not yet redriven
	 * @param redriven dead letters sent back already
	 * @param firstWaiting the offset of the oldest that waits, if any
	 * @param lastWaiting the offset of the newest that waits, if any
	 * @param reasons why those that wait were dead-lettered, with how many each
	 */
	public record Summary(long waiting, long redriven, @Nullable Long firstWaiting, @Nullable Long lastWaiting,
			Map<String, Long> reasons) {
	}

	/** What a redrive sent back: how many, and which (dead-letter topic and offset). */
	public record Redrive(String deadLetterTopic, int redriven, List<String> records) {
	}

}
