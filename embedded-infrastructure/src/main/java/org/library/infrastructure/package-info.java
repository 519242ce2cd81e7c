/**
 * Real PostgreSQL and Kafka started inside the JVM, provisioned by the one script in
 * infra/postgres, for the tests and the local stack alike.
 */
package org.library.infrastructure;
