package org.library.inventory.web;

import org.library.platform.security.AccessRules;
import org.library.platform.security.Roles;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Anyone may see a book's availability; librarians add and remove copies, and see a
 * book's loans and queue and the overdue loans; librarians and readers lend, return,
 * renew and hold. Which loan or hold is whose is the domain's to say: a reader's own, or
 * anyone's for a librarian.
 */
@Component
class InventoryAccess implements AccessRules {

	@Override
	public void declare(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests.requestMatchers(HttpMethod.GET, "/api/inventory/*").permitAll();
		requests.requestMatchers(HttpMethod.POST, "/api/inventory/*/copies", "/api/inventory/*/copies/removals")
			.hasRole(Roles.LIBRARIAN);
		requests
			.requestMatchers(HttpMethod.GET, "/api/inventory/*/loans", "/api/inventory/*/holds", "/api/loans/overdue")
			.hasRole(Roles.LIBRARIAN);
		requests.requestMatchers(HttpMethod.POST, "/api/inventory/*/loans", "/api/inventory/*/holds")
			.hasAnyRole(Roles.LIBRARIAN, Roles.READER);
		requests.requestMatchers("/api/loans", "/api/loans/**", "/api/holds", "/api/holds/**")
			.hasAnyRole(Roles.LIBRARIAN, Roles.READER);
	}

}
