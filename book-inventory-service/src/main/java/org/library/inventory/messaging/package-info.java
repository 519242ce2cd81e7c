/**
 * The inventory's Kafka side: it follows library.catalog.books and records its changes in
 * the audit trail.
 */
package org.library.inventory.messaging;
