package org.library.contracts;

/**
 * The suite's topics. Who may write and read each one is
 * {@code infra/kafka/ownership.tsv}.
 */
public final class Topics {

	/**
	 * The catalog's compacted topic: key = book id, value = the book's snapshot, a
	 * tombstone on removal. Written by book-catalog-service alone.
	 */
	public static final String CATALOG_BOOKS = "library.catalog.books";

	/**
	 * What every audit topic's name starts with; the rest is the name of the one service
	 * that writes it.
	 */
	public static final String AUDIT_PREFIX = "library.audit.";

	/**
	 * The audit log's signed checkpoints, kept for good (no retention limit): key = the
	 * log's origin, value = the checkpoint as a C2SP signed note. Written by
	 * audit-service alone, so that a checkpoint lives where no database owner can rewrite
	 * it.
	 */
	public static final String AUDIT_CHECKPOINTS = "library.audit-checkpoints";

	private Topics() {
	}

	/**
	 * The audit topic of {@code service}: only that service writes it, so the topic says
	 * who sent what is on it.
	 */
	public static String auditTopicOf(String service) {
		return AUDIT_PREFIX + service;
	}

}
