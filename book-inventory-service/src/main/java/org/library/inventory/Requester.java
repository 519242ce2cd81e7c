package org.library.inventory;

import org.library.inventory.InventoryRefusals.NoReaderNamed;
import org.library.inventory.InventoryRefusals.ReadersActForThemselves;

/**
 * Who asks for a loan, a return or a hold: a reader for herself, or a librarian for any
 * reader. The web edge makes it from the caller's verified token, never from what the
 * caller writes.
 *
 * @param name the token's subject
 * @param librarian whether the token carries the librarian role
 */
public record Requester(String name, boolean librarian) {

	/**
	 * The reader a loan or hold is for: a reader is always her own, a librarian names
	 * one.
	 * @param named the reader the request names, or null
	 */
	String readerFor(String named) {
		if (librarian) {
			if (named == null) {
				throw new NoReaderNamed();
			}
			return named;
		}
		if (named != null && !named.equals(name)) {
			throw new ReadersActForThemselves(name);
		}
		return name;
	}

	/** Whether this requester may see, return or cancel what is the reader's. */
	boolean mayActFor(String reader) {
		return librarian || name.equals(reader);
	}

}
