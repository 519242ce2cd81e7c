package org.library.inventory;

import java.time.Instant;
import java.util.UUID;

/**
 * A reader's place in a book's queue: what the REST API answers.
 *
 * @param position her place among those still waiting, 1 first; null unless WAITING
 * @param readyUntil until when the copy set aside for her waits; null unless it was set
 * aside
 */
public record Hold(UUID id, UUID bookId, String reader, Instant placedAt, HoldStatus status, Integer position,
		Instant readyUntil, Instant closedAt) {

	/** Where a hold is in its life: waiting or ready while active, then closed. */
	public enum HoldStatus {

		WAITING, READY, FULFILLED, EXPIRED, CANCELLED;

		boolean active() {
			return this == WAITING || this == READY;
		}

	}

}
