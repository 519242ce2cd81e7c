package org.library.platform.security;

import java.util.Objects;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * The roles the library's issuer puts in a token's {@code roles} claim, and the one rule
 * that is about a person rather than a role: a reader's own things are theirs alone.
 */
public final class Roles {

	/**
	 * Adds, changes and removes books and copies; lends and takes back copies for anyone.
	 */
	public static final String LIBRARIAN = "librarian";

	/** Borrows and returns copies, and keeps a reading list of their own. */
	public static final String READER = "reader";

	/** Reads the audit trail. */
	public static final String AUDITOR = "auditor";

	/**
	 * A machine client (client credentials): scrapes metrics and reads health's details.
	 */
	public static final String SERVICE = "service";

	/**
	 * The operators' client (client credentials): sees and redrives dead letters; reads
	 * health's details too.
	 */
	public static final String OPERATOR = "operator";

	private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

	private Roles() {
	}

	/**
	 * Granted only to a reader whose token's subject is the request's
	 * {@code pathVariable}, whatever other roles they have: a librarian is not let into a
	 * reader's list either.
	 */
	public static AuthorizationManager<RequestAuthorizationContext> theReaderNamedBy(String pathVariable) {
		return (authentication, context) -> {
			Authentication caller = authentication.get();
			boolean granted = caller != null && TRUST.isAuthenticated(caller)
					&& caller.getAuthorities().stream().anyMatch(role -> ("ROLE_" + READER).equals(role.getAuthority()))
					&& Objects.equals(caller.getName(), context.getVariables().get(pathVariable));
			return new AuthorizationDecision(granted);
		};
	}

}
