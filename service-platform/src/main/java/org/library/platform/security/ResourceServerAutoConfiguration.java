package org.library.platform.security;

import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

import org.library.platform.web.ProblemWriter;
import org.library.platform.web.WebAutoConfiguration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Every service is a stateless OAuth2 resource server: a request's caller is whoever the
 * bearer token from the library's issuer says, checked for signature, issuer, audience
 * and expiry (the {@code spring.security.oauth2.resourceserver.jwt.*} settings in
 * {@code library-defaults.yml}), with the token's {@code roles} as {@code ROLE_}
 * authorities. What each role may do is the service's own {@link AccessRules}. CORS and
 * the request checks run before this chain, so a refused preflight or a malformed request
 * never reaches it.
 */
@AutoConfiguration(after = WebAutoConfiguration.class, beforeName = {
		"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ResourceServerAutoConfiguration {

	/** Text without control characters, as the firewall reads header values. */
	private static final Pattern PRINTABLE = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

	@Bean
	SecurityFilterChain resourceServer(HttpSecurity http, List<AccessRules> rules, ProblemWriter problems)
			throws Exception {
		BearerTokenProblems refusals = new BearerTokenProblems(problems);
		return http
			// no cookies and no sessions: a request carries its token, so there is no
			// session to ride (CSRF)
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.securityContext(context -> context.requireExplicitSave(true))
			.authorizeHttpRequests(requests -> {
				// the error page reports a refusal already made; it must not be refused
				// in turn
				requests.requestMatchers("/error").permitAll();
				requests
					.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info",
							"/v3/api-docs", "/v3/api-docs/**", "/contracts/**", "/swagger-ui.html", "/swagger-ui/**")
					.permitAll();
				requests.requestMatchers("/actuator/deadletters", "/actuator/deadletters/**").hasRole(Roles.OPERATOR);
				requests.requestMatchers("/actuator/prometheus").hasRole(Roles.SERVICE);
				rules.forEach(service -> service.declare(requests));
				requests.anyRequest().denyAll();
			})
			.oauth2ResourceServer(resourceServer -> resourceServer.jwt(jwt -> {
			})
				.authenticationEntryPoint(refusals)
				.accessDeniedHandler(refusals)
				.withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
					@Override
					public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
						filter.setAuthenticationFailureHandler(refusals);
						return filter;
					}
				}))
			.exceptionHandling(
					exceptions -> exceptions.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
			// the caller is named from here on, so a refusal's log line says whom it
			// refused too
			.addFilterAfter(new CallerFilter(problems), BearerTokenAuthenticationFilter.class)
			.build();
	}

	/**
	 * Spring's decoder, behind {@link VerifiedTokens}: verified tokens are remembered
	 * until they expire, and an issuer that cannot be reached yet is a service fault
	 * (503), not a 500.
	 */
	@Bean
	static BeanPostProcessor verifiedTokensAreRemembered(ObjectProvider<Clock> clock) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				return bean instanceof JwtDecoder decoder && !(bean instanceof VerifiedTokens)
						? new VerifiedTokens(decoder, clock.getIfAvailable(Clock::systemUTC)) : bean;
			}
		};
	}

	/**
	 * Spring Security's firewall refuses paths that could mean two things to two readers
	 * (an encoded {@code %}, {@code /} or {@code ;}, {@code ..}); the refusal is a 400
	 * problem like any other malformed request.
	 */
	/**
	 * The firewall as Spring Security ships it, which already refuses control characters
	 * in header names and values and in parameter names, told to refuse them in parameter
	 * values too: no text of ours may hold one.
	 */
	@Bean
	StrictHttpFirewall firewall() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedParameterValues(value -> PRINTABLE.matcher(value).matches());
		return firewall;
	}

	@Bean
	RequestRejectedHandler problemForRejectedRequests(ProblemWriter problems) {
		return (request, response, rejected) -> problems.write(request, response, HttpStatus.BAD_REQUEST, "Bad request",
				rejected.getMessage());
	}

}
