package org.library.inventory.web;

import org.library.platform.security.AccessRules;
import org.library.platform.security.Roles;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Anyone may see a book's availability; librarians add and remove copies; a checkout or a
 * return is a librarian's, or the borrowing reader's own.
 */
@Component
class InventoryAccess implements AccessRules {

	@Override
	public void declare(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests.requestMatchers(HttpMethod.GET, "/api/inventory/*").permitAll();
		requests.requestMatchers(HttpMethod.POST, "/api/inventory/*/copies", "/api/inventory/*/copies/removals")
			.hasRole(Roles.LIBRARIAN);
		requests.requestMatchers(HttpMethod.POST, "/api/inventory/*/checkouts", "/api/inventory/*/returns")
			.hasAnyRole(Roles.LIBRARIAN, Roles.READER);
	}

}
