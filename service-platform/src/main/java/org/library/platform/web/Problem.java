package org.library.platform.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An outcome a service refuses a request with, answered as its own RFC 9457 problem type
 * ({@code urn:library:problem:<type>}). Services name their outcomes by extending it:
 * {@code BookNotFound}.
 */
public class Problem extends ErrorResponseException {

	static final String TYPE_PREFIX = "urn:library:problem:";

	protected Problem(HttpStatus status, String type, String title, String detail) {
		super(status, body(status, type, title, detail), null);
	}

	/** Adds a member to the problem body, e.g. the state that made the request fail. */
	protected final void set(String name, Object value) {
		getBody().setProperty(name, value);
	}

	static URI type(String type) {
		return URI.create(TYPE_PREFIX + type);
	}

	private static ProblemDetail body(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type(type));
		problem.setTitle(title);
		return problem;
	}

}
