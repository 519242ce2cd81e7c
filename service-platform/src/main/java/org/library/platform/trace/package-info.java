/**
 * The trace the current work belongs to, for the outbox and the audit trail to carry
 * along.
 */
package org.library.platform.trace;
