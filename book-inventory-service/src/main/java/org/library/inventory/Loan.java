package org.library.inventory;

import java.time.Instant;
import java.util.UUID;

/**
 * One copy of a book lent to one reader: what the REST API answers. Overdue is its due
 * date passed while it is still out.
 *
 * @param reader the borrower, or null once a returned loan is past its retention
 * @param lentBy the librarian who lent it, or the reader herself
 * @param returnedAt when it came back, or null while it is out
 */
public record Loan(UUID id, UUID bookId, String reader, String lentBy, Instant lentAt, Instant dueAt, int renewals,
		Instant returnedAt, String returnedBy, boolean overdue) {

	boolean open() {
		return returnedAt == null;
	}

}
