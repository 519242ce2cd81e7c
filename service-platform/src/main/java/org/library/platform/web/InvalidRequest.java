package org.library.platform.web;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request refused for its content, naming each bad field: the same 400 problem that bean validation gives,
 * for the checks a controller makes itself (a cursor it did not issue, an empty time range).
 */
public class InvalidRequest extends ErrorResponseException {

	static final URI TYPE = URI.create("urn:library:problem:invalid-request");

	public InvalidRequest(String field, String message) {
		this(List.of(new FieldProblem(field, message)));
	}

	public InvalidRequest(List<FieldProblem> errors) {
		super(HttpStatus.BAD_REQUEST, problem(errors), null);
	}

	static ProblemDetail problem(List<FieldProblem> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid");
		problem.setTitle("Invalid request");
		problem.setType(TYPE);
		problem.setProperty("errors", errors);
		return problem;
	}

}
