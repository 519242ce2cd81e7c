/**
 * Who the caller is and what they may do: the resource server that takes the caller from
 * the issuer's token, the roles, and each service's access rules.
 */
package org.library.platform.security;
