/**
 * The publishing side of the common audit trail: any service records what it changed, in
 * the transaction of the change, and audit-service alone stores it.
 */
package org.library.platform.audit;
