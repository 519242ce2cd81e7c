package org.library.catalog;

import java.util.Set;

/**
 * The versions of a book a change may apply to, as the caller's precondition names them:
 * any version, or one of some. A precondition that names none (only tags this catalog
 * never issued) admits no version.
 *
 * @param any whether every version is admitted
 * @param versions the versions admitted otherwise
 */
public record ExpectedVersions(boolean any, Set<Long> versions) {

	/** No precondition: the change applies to whatever version is current. */
	public static final ExpectedVersions ANY = new ExpectedVersions(true, Set.of());

	public ExpectedVersions {
		versions = Set.copyOf(versions);
	}

	public static ExpectedVersions oneOf(Set<Long> versions) {
		return new ExpectedVersions(false, versions);
	}

	boolean admits(long version) {
		return any || versions.contains(version);
	}

}
