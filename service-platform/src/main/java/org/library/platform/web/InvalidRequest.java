package org.library.platform.web;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A request refused for its content, naming each bad field: the same 400 problem that
 * bean validation gives, for the checks a controller makes itself (a cursor it did not
 * issue, an empty time range).
 */
public class InvalidRequest extends Problem {

	static final URI TYPE = Problem.type("invalid-request");

	public InvalidRequest(String field, String message) {
		this(List.of(new FieldProblem(field, message)));
	}

	public InvalidRequest(List<FieldProblem> errors) {
		super(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail(errors));
		set("errors", errors);
	}

	static ProblemDetail problem(List<FieldProblem> errors) {
		return new InvalidRequest(errors).getBody();
	}

	private static String detail(List<FieldProblem> errors) {
		return errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid";
	}

}
