package org.library.identity;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * Who may sign in, the key tokens are signed with, and what an access token says: its
 * audience (the library's services, which refuse any other) and the roles of whoever it
 * was issued to. A person's roles are their account's; a machine client's are
 * {@code service}.
 */
@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

	/** The audience every access token names; the services accept tokens for it alone. */
	static final String AUDIENCE = "library-services";

	@Bean
	UserDetailsService accounts(Accounts accounts) {
		PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
		return new InMemoryUserDetailsManager(accounts.accounts()
			.entrySet()
			.stream()
			.map(account -> User.withUsername(account.getKey())
				.password(encoder.encode(account.getValue().password()))
				.roles(account.getValue()
					.roles()
					.stream()
					.map(role -> role.toUpperCase(Locale.ROOT))
					.toArray(String[]::new))
				.build())
			.toList());
	}

	@Bean
	JWKSource<SecurityContext> signingKeys(@Value("${library.identity.key-directory:}") String directory) {
		return new ImmutableJWKSet<>(SigningKeys.load(directory.isBlank() ? null : Path.of(directory)));
	}

	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> libraryClaims() {
		return context -> {
			if (ID_TOKEN.equals(context.getTokenType())) {
				// the web app shows a person the pages their roles open; the services
				// still decide from the access token
				context.getClaims().claim("roles", personsRoles(context));
				return;
			}
			if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
				return;
			}
			context.getClaims().audience(List.of(AUDIENCE));
			if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
				context.getClaims()
					.claim("roles", List
						.of(MACHINE_ROLES.getOrDefault(context.getRegisteredClient().getClientId(), "service")));
				return;
			}
			context.getClaims().claim("roles", personsRoles(context));
		};
	}

	/**
	 * A machine client's role: {@code service} (scraping metrics, reading health), unless
	 * it is the operators'.
	 */
	private static final Map<String, String> MACHINE_ROLES = Map.of("library-operator", "operator");

	private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);

	private static List<String> personsRoles(JwtEncodingContext context) {
		Set<String> roles = context.getPrincipal()
			.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(authority -> authority.startsWith("ROLE_"))
			.map(authority -> authority.substring("ROLE_".length()).toLowerCase(Locale.ROOT))
			.collect(Collectors.toCollection(TreeSet::new));
		return List.copyOf(roles);
	}

}
