package org.library.readinglist.web;

import jakarta.validation.constraints.NotNull;
import org.library.readinglist.ReadingStatus;

/**
 * The reading status to set: WANT_TO_READ, READING or FINISHED.
 */
record StatusRequest(@NotNull ReadingStatus status) {
}
