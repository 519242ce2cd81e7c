/**
 * The conventions every service's OpenAPI document follows: problem responses, the bearer
 * scheme and which operations need it.
 */
package org.library.platform.openapi;
