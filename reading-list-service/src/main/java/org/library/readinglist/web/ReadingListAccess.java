package org.library.readinglist.web;

import org.library.platform.security.AccessRules;
import org.library.platform.security.Roles;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * A reader's list is that reader's alone: the path's reader must be the token's subject,
 * whatever the role.
 */
@Component
class ReadingListAccess implements AccessRules {

	@Override
	public void declare(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests.requestMatchers("/api/readers/{readerId}/reading-list", "/api/readers/{readerId}/reading-list/*")
			.access(Roles.theReaderNamedBy("readerId"));
	}

}
