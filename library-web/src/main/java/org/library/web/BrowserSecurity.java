package org.library.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The browser's side of the backend-for-frontend. A person signs in at the issuer
 * (authorization code with PKCE); the tokens stay in the server's session, and the
 * browser holds only the session cookie (HttpOnly, SameSite=Lax). Every state-changing
 * call carries the CSRF token the UI reads from the {@code XSRF-TOKEN} cookie. What a
 * person may do is still decided by the services, from the relayed token: this side only
 * asks an anonymous caller to sign in where the services would refuse them anyway.
 */
@Configuration(proxyBeanMethods = false)
class BrowserSecurity {

	@Bean
	SecurityFilterChain browser(HttpSecurity http, ClientRegistrationRepository registrations) throws Exception {
		DefaultOAuth2AuthorizationRequestResolver signIn = new DefaultOAuth2AuthorizationRequestResolver(registrations,
				"/oauth2/authorization");
		// PKCE for this confidential client too: a stolen code is worthless without the
		// verifier
		signIn.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
		OidcClientInitiatedLogoutSuccessHandler signedOut = new OidcClientInitiatedLogoutSuccessHandler(registrations);
		signedOut.setPostLogoutRedirectUri("{baseUrl}/");
		PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
		return http.authorizeHttpRequests(requests -> requests
			// the UI itself, the catalog and availability: anyone
			.requestMatchers(HttpMethod.GET, "/", "/index.html", "/app/**", "/favicon.ico", "/me", "/error",
					"/actuator/health", "/actuator/health/**")
			.permitAll()
			.requestMatchers(HttpMethod.GET, "/api/books", "/api/books/*", "/api/inventory/*")
			.permitAll()
			.anyRequest()
			.authenticated())
			.oauth2Login(login -> login.authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(signIn))
				.defaultSuccessUrl("/", false))
			.logout(logout -> logout.logoutSuccessHandler(signedOut))
			// the API answers 401, never a redirect a script cannot follow; pages send
			// the person to sign in
			.exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
					new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), path.matcher("/api/**")))
			.csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
				.csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
			.build();
	}

}
