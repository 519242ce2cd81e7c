package org.library.inventory.web;

import org.library.inventory.Requester;
import org.library.platform.security.Roles;

import org.springframework.security.core.Authentication;

/**
 * The caller as the circulation desk sees them, and how a reader is named in a request.
 */
final class Readers {

	/** Letters, digits and . _ @ -, at most 64, as the issuer's usernames are. */
	static final String NAME = "[A-Za-z0-9._@-]{1,64}";

	static final String NAME_MESSAGE = "must be a username: 1 to 64 letters, digits or . _ @ -";

	private static final String LIBRARIAN = "ROLE_" + Roles.LIBRARIAN;

	private Readers() {
	}

	/** From the verified token only: its subject, and whether it carries the role. */
	static Requester requester(Authentication caller) {
		return new Requester(caller.getName(),
				caller.getAuthorities().stream().anyMatch(role -> LIBRARIAN.equals(role.getAuthority())));
	}

}
