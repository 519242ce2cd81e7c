/**
 * The HTTP edge every service shares: RFC 9457 problem responses, the request body limit and the caller's
 * {@code X-Actor} name.
 */
package org.library.platform.web;
