package org.library.catalog.web;

import org.library.platform.security.AccessRules;
import org.library.platform.security.Roles;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Anyone may browse the catalog; only librarians change it.
 */
@Component
class CatalogAccess implements AccessRules {

	@Override
	public void declare(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests.requestMatchers(HttpMethod.GET, "/api/books", "/api/books/*").permitAll();
		requests.requestMatchers(HttpMethod.POST, "/api/books").hasRole(Roles.LIBRARIAN);
		requests.requestMatchers(HttpMethod.PUT, "/api/books/*").hasRole(Roles.LIBRARIAN);
		requests.requestMatchers(HttpMethod.DELETE, "/api/books/*").hasRole(Roles.LIBRARIAN);
	}

}
