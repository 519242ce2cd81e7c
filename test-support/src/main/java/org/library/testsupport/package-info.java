/**
 * Helpers for the services' tests: plain HTTP, plain Kafka, and the ownership rules as
 * assertions.
 */
package org.library.testsupport;
