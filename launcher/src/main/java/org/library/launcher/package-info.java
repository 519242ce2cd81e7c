/**
 * A process the local stack (or a fault test) starts, a service or the issuer, ends when
 * its launcher does.
 */
package org.library.launcher;
