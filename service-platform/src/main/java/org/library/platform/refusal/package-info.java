/**
 * Refusals: the domain's plain exceptions for a change it will not make, free of any
 * transport.
 */
package org.library.platform.refusal;
