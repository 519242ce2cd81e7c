/**
 * Starts the whole suite on one machine: embedded Postgres and Kafka, then each service
 * as its own process.
 */
package org.library.localstack;
