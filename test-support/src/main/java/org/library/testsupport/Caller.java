package org.library.testsupport;

/**
 * Who a test calls a service as: the issuer's demo accounts, signed in the way a person
 * signs in, and the machine client with its credentials. {@link TestIssuer} knows their
 * passwords.
 */
public enum Caller {

	LIBRARIAN("librarian", "librarian"), AUDITOR("auditor", "auditor"), ADA("ada", "reader"), ALAN("alan", "reader"),
	MACHINE("library-machine", "service"), OPERATOR("library-operator", "operator");

	private final String subject;

	private final String role;

	Caller(String subject, String role) {
		this.subject = subject;
		this.role = role;
	}

	/** The role the issuer gives this caller, in the token's {@code roles} claim. */
	public String role() {
		return role;
	}

	/** The subject of this caller's tokens: the actor of whatever they change. */
	public String subject() {
		return subject;
	}

}
