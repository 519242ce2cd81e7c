package org.library.contracts;

/**
 * A record that can never be handled, however often it is retried: malformed, or not the
 * shape the topic promises. It goes to the dead-letter topic at once.
 */
public class UnreadableRecord extends RuntimeException {

	public UnreadableRecord(String reason) {
		super(reason);
	}

	public UnreadableRecord(String reason, Throwable cause) {
		super(reason, cause);
	}

}
