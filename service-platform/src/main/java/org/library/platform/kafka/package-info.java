/**
 * How every consumer of the suite treats a record it cannot use: bounded retries, then the topic's dead-letter
 * topic ({@code <topic>.DLT}) with the reason in its headers, and the partition moves on.
 */
package org.library.platform.kafka;
