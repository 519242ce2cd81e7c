package org.library.catalog.web;

import org.library.platform.web.Problem;

import org.springframework.http.HttpStatus;

/**
 * A change of a book sent without the version it applies to: HTTP's own precondition, so
 * it lives at the edge.
 */
final class VersionRequired extends Problem {

	VersionRequired() {
		super(HttpStatus.PRECONDITION_REQUIRED, "version-required", "If-Match required",
				"Send the book's ETag in If-Match to change it");
	}

}
