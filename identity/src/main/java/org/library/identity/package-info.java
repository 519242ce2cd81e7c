/**
 * The library's OpenID Connect issuer: who its people and machine clients are, and the
 * keys its tokens are signed with.
 */
package org.library.identity;
