/**
 * The reading list's Kafka side: it keeps its catalog replica from library.catalog.books
 * and records its changes in the audit trail.
 */
package org.library.readinglist.messaging;
