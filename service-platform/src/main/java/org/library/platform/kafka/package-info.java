/**
 * How every consumer of the suite treats a record it cannot use: an unreadable one goes
 * to its topic's dead-letter topic ({@code <topic>.DLT}) at once, with the reason in its
 * headers, and can be redriven once fixed; any other failure is retried until it passes,
 * and shows in health meanwhile.
 */
package org.library.platform.kafka;
