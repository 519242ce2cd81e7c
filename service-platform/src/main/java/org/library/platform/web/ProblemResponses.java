package org.library.platform.web;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.validation.ConstraintViolationException;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.library.platform.refusal.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error a service answers is an RFC 9457 problem; a bad request names each bad
 * field in {@code errors}. Anything unexpected is a 500 that says nothing about the
 * internals.
 *
 * <p>
 * The domain refuses with {@link Refusal}s, which know no HTTP; each is answered with the
 * status its service's web package gives it ({@link RefusalStatuses}). Web-only outcomes
 * (a missing precondition, an invalid request) extend
 * {@link org.springframework.web.ErrorResponseException} and are answered as they
 * describe themselves.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

	/** Postgres' query_canceled: a statement timeout, or a cancel. */
	private static final String QUERY_CANCELED = "57014";

	private final Map<Class<? extends Refusal>, HttpStatus> statuses = new HashMap<>();

	private final int maxParameters;

	ProblemResponses(List<RefusalStatuses> declared, int maxParameters) {
		declared.forEach(service -> statuses.putAll(service.statuses()));
		this.maxParameters = maxParameters;
	}

	@ExceptionHandler(Refusal.class)
	ResponseEntity<Object> handleRefusal(Refusal refusal, WebRequest request) {
		HttpStatus status = statusOf(refusal);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, refusal.getMessage());
		problem.setType(Problem.type(refusal.type()));
		problem.setTitle(refusal.title());
		refusal.properties().forEach(problem::setProperty);
		return handleExceptionInternal(refusal, problem, new HttpHeaders(), status, request);
	}

	/**
	 * Its own class's status, or its nearest superclass's; a refusal no one placed is a
	 * conflict.
	 */
	private HttpStatus statusOf(Refusal refusal) {
		for (Class<?> type = refusal.getClass(); Refusal.class.isAssignableFrom(type); type = type.getSuperclass()) {
			HttpStatus status = statuses.get(type);
			if (status != null) {
				return status;
			}
		}
		log.warn("No status declared for {}; answering 409", refusal.getClass().getName());
		return HttpStatus.CONFLICT;
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(error -> new FieldProblem(error.getField(), message(error)))
			.sorted(Comparator.comparing(FieldProblem::field))
			.toList();
		List<FieldProblem> global = ex.getBindingResult()
			.getGlobalErrors()
			.stream()
			.map(error -> new FieldProblem(error.getObjectName(), message(error)))
			.toList();
		return invalid(headers, request, concat(errors, global));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap(result -> result.getResolvableErrors()
				.stream()
				.map(error -> new FieldProblem(parameterName(result.getMethodParameter().getParameterName(), error),
						message(error))))
			.toList();
		return invalid(headers, request, errors);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
				: ex.getPropertyName();
		String expected = ex.getRequiredType() == null ? "a valid value" : describe(ex.getRequiredType());
		return invalid(headers, request, List.of(new FieldProblem(String.valueOf(name), "must be " + expected)));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (causedBy(ex, RequestBodyLimitFilter.RequestBodyTooLarge.class)) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
					NestedExceptionUtils.getMostSpecificCause(ex).getMessage());
			problem.setTitle("Request body too large");
			return handleExceptionInternal(ex, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request body is not valid JSON for this operation");
		problem.setTitle("Malformed request body");
		problem.setType(InvalidRequest.TYPE);
		if (ex.getCause() instanceof DatabindException databind && !databind.getPath().isEmpty()) {
			problem.setProperty("errors", List.of(new FieldProblem(path(databind), fieldMessage(databind))));
		}
		else if (ex.getCause() instanceof JacksonException json) {
			Matcher duplicate = DUPLICATE.matcher(String.valueOf(json.getOriginalMessage()));
			if (duplicate.find()) {
				problem.setProperty("errors", List.of(new FieldProblem(duplicate.group(1), "appears more than once")));
			}
			else if (String.valueOf(json.getOriginalMessage()).startsWith("Trailing token")) {
				problem.setDetail("The request body has more after its JSON value");
			}
			else {
				problem.setDetail("The request body is not well-formed JSON");
			}
		}
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex, WebRequest request) {
		List<FieldProblem> errors = ex.getConstraintViolations()
			.stream()
			.map(violation -> new FieldProblem(lastNode(violation.getPropertyPath().toString()),
					violation.getMessage()))
			.sorted(Comparator.comparing(FieldProblem::field))
			.toList();
		return invalid(new HttpHeaders(), request, errors);
	}

	/**
	 * Spring Security's firewall checks a query parameter when something reads it; what
	 * it refuses is a malformed request like any other.
	 */
	@ExceptionHandler(RequestRejectedException.class)
	ResponseEntity<Object> handleRejected(RequestRejectedException ex, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Bad request");
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
	}

	/**
	 * Tomcat reads the query when a parameter is first asked for, and refuses it whole
	 * when an escape is malformed or it has more than
	 * {@code server.tomcat.max-parameter-count} parameters.
	 */
	@ExceptionHandler(InvalidParameterException.class)
	ResponseEntity<Object> handleInvalidQuery(InvalidParameterException ex, WebRequest request) {
		boolean decoding = ex.getCause() instanceof IOException;
		return invalid(new HttpHeaders(), request, List.of(new FieldProblem("query", decoding
				? "must be valid percent-encoded UTF-8" : "must have at most " + maxParameters + " parameters")));
	}

	/**
	 * A statement the database cut off at its time limit (SQLState 57014, as a role's
	 * {@code statement_timeout} does): the service is busy, the request is not wrong, and
	 * its transaction was rolled back.
	 */
	@ExceptionHandler(DataAccessException.class)
	ResponseEntity<Object> handleDataAccess(DataAccessException ex, WebRequest request) {
		if (!cutOff(ex)) {
			return handleUnexpected(ex, request);
		}
		log.warn("A statement serving {} was cut off at its time limit", request.getDescription(false));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The database did not answer within its time limit; nothing was changed. Try again, or narrow a search");
		problem.setType(Problem.type("timed-out"));
		problem.setTitle("Timed out");
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, "1");
		return handleExceptionInternal(ex, problem, headers, HttpStatus.SERVICE_UNAVAILABLE, request);
	}

	private static boolean cutOff(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && QUERY_CANCELED.equals(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
		log.error("Unexpected failure serving {}", request.getDescription(false), ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"The request could not be completed; nothing was changed by it");
		problem.setTitle("Internal error");
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
	}

	private ResponseEntity<Object> invalid(HttpHeaders headers, WebRequest request, List<FieldProblem> errors) {
		ProblemDetail problem = InvalidRequest.problem(errors);
		return handleExceptionInternal(new IllegalArgumentException(problem.getDetail()), problem, headers,
				HttpStatus.BAD_REQUEST, request);
	}

	private static final Pattern DUPLICATE = Pattern.compile("Duplicate Object property \"([^\"]*)\"");

	/** What is wrong with a field of a body read strictly ({@link StrictJson}). */
	private static String fieldMessage(DatabindException ex) {
		if (ex instanceof UnrecognizedPropertyException) {
			return "is not a field of this request";
		}
		String original = String.valueOf(ex.getOriginalMessage());
		if (original.contains("control characters")) {
			return "must not contain control characters";
		}
		return "has the wrong type or format";
	}

	private static String message(MessageSourceResolvable error) {
		return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
	}

	private static String parameterName(String parameter, MessageSourceResolvable error) {
		if (error instanceof FieldError field) {
			return field.getField();
		}
		return parameter == null ? "parameter" : parameter;
	}

	private static String path(DatabindException ex) {
		StringBuilder path = new StringBuilder();
		for (var reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String describe(Class<?> type) {
		return switch (type.getSimpleName()) {
			case "UUID" -> "a UUID";
			case "Instant", "OffsetDateTime" -> "an ISO-8601 instant such as 2026-11-25T10:15:30Z";
			case "int", "Integer", "long", "Long" -> "a whole number";
			default -> type.isEnum() ? "one of " + List.of(type.getEnumConstants()) : "a valid " + type.getSimpleName();
		};
	}

	private static String lastNode(String propertyPath) {
		int dot = propertyPath.lastIndexOf('.');
		return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
	}

	private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

	private static <T> List<T> concat(List<T> first, List<T> second) {
		return second.isEmpty() ? first : Stream.concat(first.stream(), second.stream()).toList();
	}

}
