/**
 * The benchmark: the suite started as users start it, driven from outside at constant
 * arrival rates, and the same SQL and the same Kafka traffic run raw on the same Postgres
 * and Kafka, so every number has its limit next to it.
 */
package org.library.benchmarks;
