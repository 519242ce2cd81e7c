package org.library.platform.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.library.platform.actor.Actor;
import org.library.platform.web.ProblemWriter;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes the checked token's subject the actor of whatever the request changes: a person's
 * username, or a machine client's id. Nothing the caller writes in a header can name it.
 */
class CallerFilter extends OncePerRequestFilter {

	private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

	private final ProblemWriter problems;

	CallerFilter(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		if (caller == null || !TRUST.isAuthenticated(caller)) {
			try (Actor.Binding binding = Actor.bind(Actor.ANONYMOUS)) {
				chain.doFilter(request, response);
			}
			return;
		}
		if (!Actor.isValid(caller.getName())) {
			// the issuer names its accounts; one it should not have made cannot sign the
			// trail
			problems.write(request, response, HttpStatus.FORBIDDEN, "Forbidden",
					"The token's subject cannot be recorded as an actor");
			return;
		}
		try (Actor.Binding binding = Actor.bind(caller.getName())) {
			chain.doFilter(request, response);
		}
	}

}
