package org.library.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Who may call which of a service's endpoints, declared by the service's web package next
 * to its controllers. The platform adds the rest: health, info and the API and event
 * contracts are public, the dead letters are for machine clients, and any request no rule
 * names is refused, so a new endpoint is closed until its rule is written.
 */
@FunctionalInterface
public interface AccessRules {

	void declare(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);

}
