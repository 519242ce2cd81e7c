package org.library.inventory.web;

import jakarta.validation.constraints.Pattern;

/**
 * Whom a librarian lends to or places a hold for; a reader names herself or leaves it
 * out.
 */
record ReaderRequest(@Pattern(regexp = Readers.NAME, message = Readers.NAME_MESSAGE) String reader) {
}
