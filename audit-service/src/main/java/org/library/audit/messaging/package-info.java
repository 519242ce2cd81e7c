/**
 * Reads every writing service's audit topic in batches into the trail; what cannot be
 * read or stored goes to the audit service's own dead-letter topic of that topic.
 */
package org.library.audit.messaging;
