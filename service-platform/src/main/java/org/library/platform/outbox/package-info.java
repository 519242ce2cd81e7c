/**
 * The transactional outbox: events are stored with the change they describe and relayed
 * to Kafka after commit, with CloudEvents headers, until the broker acknowledges them.
 */
package org.library.platform.outbox;
