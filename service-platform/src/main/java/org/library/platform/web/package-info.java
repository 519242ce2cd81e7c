/**
 * The HTTP edge every service shares: RFC 9457 problem responses for every refusal, the
 * request checks and body limit, CORS, and the resource server that takes the caller from
 * the issuer's token.
 */
package org.library.platform.web;
