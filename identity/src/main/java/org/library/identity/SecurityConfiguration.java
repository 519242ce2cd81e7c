package org.library.identity;

import java.net.URI;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Two doors: the protocol endpoints (authorize, token, keys, discovery, user info), where
 * a browser without a session is sent to sign in; and everything else, where people sign
 * in with a form, and only health is public.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * The public client whose browser pages (each service's API console) call the token
	 * endpoint themselves.
	 */
	static final String API_CONSOLE = "library-api-console";

	@Bean
	@Order(1)
	SecurityFilterChain protocolEndpoints(HttpSecurity http, CorsConfigurationSource apiConsoleOrigins)
			throws Exception {
		http.cors(cors -> cors.configurationSource(apiConsoleOrigins));
		http.oauth2AuthorizationServer(server -> {
			http.securityMatcher(server.getEndpointsMatcher());
			server.oidc(Customizer.withDefaults());
		})
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
					new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
			.oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()));
		return http.build();
	}

	/**
	 * The API consoles exchange their code for a token from their own origin: the token
	 * endpoint, the keys and discovery answer those origins (taken from the console
	 * client's redirect URIs), and no other.
	 */
	@Bean
	CorsConfigurationSource apiConsoleOrigins(RegisteredClientRepository clients) {
		RegisteredClient console = clients.findByClientId(API_CONSOLE);
		CorsConfiguration consoles = new CorsConfiguration();
		consoles.setAllowedOrigins(console == null ? List.of()
				: console.getRedirectUris().stream().map(SecurityConfiguration::origin).distinct().toList());
		consoles.setAllowedMethods(List.of("GET", "POST"));
		consoles.setAllowedHeaders(List.of("Authorization", "Content-Type"));
		consoles.setMaxAge(3600L);
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/oauth2/token", consoles);
		source.registerCorsConfiguration("/oauth2/jwks", consoles);
		source.registerCorsConfiguration("/.well-known/**", consoles);
		return source;
	}

	private static String origin(String uri) {
		URI parsed = URI.create(uri);
		return parsed.getScheme() + "://" + parsed.getAuthority();
	}

	@Bean
	@Order(2)
	SecurityFilterChain signIn(HttpSecurity http, CorsConfigurationSource apiConsoleOrigins) throws Exception {
		// a browser's preflight for the token endpoint (OPTIONS) is not a protocol
		// request: it is answered here
		http.cors(cors -> cors.configurationSource(apiConsoleOrigins));
		http.authorizeHttpRequests(
				requests -> requests.requestMatchers("/actuator/health/**", "/actuator/info", "/error")
					.permitAll()
					.anyRequest()
					.authenticated())
			.formLogin(Customizer.withDefaults());
		return http.build();
	}

}
