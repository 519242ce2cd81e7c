package org.library.platform.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.library.platform.web.ProblemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * How the resource server refuses, as a problem like every other refusal: Spring
 * Security's bearer-token answers set the status and the RFC 6750
 * {@code WWW-Authenticate} challenge, and a problem body says the same in words. When the
 * issuer's keys cannot be fetched, no token can be checked: that is the service's
 * trouble, not the caller's, so it is a 503 to retry, never a 401 that would send a
 * person to sign in again.
 */
class BearerTokenProblems implements AuthenticationEntryPoint, AccessDeniedHandler, AuthenticationFailureHandler {

	private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();

	private final BearerTokenAccessDeniedHandler insufficient = new BearerTokenAccessDeniedHandler();

	private static final Logger log = LoggerFactory.getLogger(BearerTokenProblems.class);

	private final ProblemWriter problems;

	BearerTokenProblems(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refusal)
			throws IOException {
		challenge.commence(request, response, refusal);
		boolean tokenSent = request.getHeader("Authorization") != null;
		if (tokenSent) {
			// a token that was refused is worth a line: a client with an old token, or
			// someone trying
			log.info("Refused a bearer token for {} {}: {}", request.getMethod(), request.getRequestURI(),
					refusal.getMessage());
		}
		problems.write(request, response, HttpStatus.UNAUTHORIZED, tokenSent ? "Invalid token" : "Token required",
				tokenSent ? "The bearer token was refused: " + refusal.getMessage()
						: "This request needs a bearer token from the library's issuer");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refusal)
			throws IOException {
		insufficient.handle(request, response, refusal);
		log.info("Refused {} {}: the caller's roles do not allow it", request.getMethod(), request.getRequestURI());
		problems.write(request, response, HttpStatus.FORBIDDEN, "Forbidden",
				"The token's roles do not allow " + request.getMethod() + " on this resource");
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException failure) throws IOException {
		if (failure instanceof AuthenticationServiceException) {
			response.setHeader("Retry-After", "5");
			problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "Identity unavailable",
					"The token cannot be checked now: the issuer's keys could not be fetched");
			return;
		}
		commence(request, response, failure);
	}

}
