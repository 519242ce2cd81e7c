/**
 * The read-only query API of the audit trail, /api/audit-events.
 */
package org.library.audit.web;
