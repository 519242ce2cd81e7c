/**
 * The HTTP edge every service shares: RFC 9457 problem responses for every refusal, the
 * request checks and body limit, strict JSON and CORS.
 */
package org.library.platform.web;
