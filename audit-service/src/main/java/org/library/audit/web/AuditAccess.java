package org.library.audit.web;

import org.library.platform.security.AccessRules;
import org.library.platform.security.Roles;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The trail holds reader ids, which are personal data: auditors read it, and erase a
 * person's name from it on request; nobody writes it over HTTP.
 */
@Component
class AuditAccess implements AccessRules {

	@Override
	public void declare(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests.requestMatchers(HttpMethod.GET, "/api/audit-events").hasRole(Roles.AUDITOR);
		requests.requestMatchers(HttpMethod.GET, "/api/audit-checkpoints/latest", "/api/audit-checkpoints/key")
			.hasRole(Roles.AUDITOR);
		requests
			.requestMatchers(HttpMethod.GET, "/api/audit-proofs/inclusion", "/api/audit-proofs/consistency",
					"/api/audit-proofs/leaves", "/api/audit-proofs/leaf-hashes")
			.hasRole(Roles.AUDITOR);
		requests.requestMatchers(HttpMethod.POST, "/api/audit-erasures").hasRole(Roles.AUDITOR);
	}

}
