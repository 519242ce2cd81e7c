/**
 * Who a change is made for, carried from the edge (a request, an upstream event) to the
 * events it causes.
 */
package org.library.platform.actor;
