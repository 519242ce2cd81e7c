/**
 * Publishes the catalog's events: every book's current snapshot on the compacted topic
 * library.catalog.books.
 */
package org.library.catalog.messaging;
