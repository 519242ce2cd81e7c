package org.library.readinglist;

/**
 * Where a reader is with a book on their list.
 */
public enum ReadingStatus {

	WANT_TO_READ, READING, FINISHED

}
