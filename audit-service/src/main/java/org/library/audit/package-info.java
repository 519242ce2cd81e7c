/**
 * The common audit trail: every service's changes, recorded once, never altered. Only
 * this service writes schema audit; the others publish to library.audit and do not wait.
 */
package org.library.audit;
