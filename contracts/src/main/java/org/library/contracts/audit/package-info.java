/**
 * The audit topics' events, as the writing services send them and the audit service
 * stores them.
 */
package org.library.contracts.audit;
