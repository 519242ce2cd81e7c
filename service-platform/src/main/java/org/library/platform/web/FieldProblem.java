package org.library.platform.web;

/**
 * One bad field (or parameter, or header) of a request, as listed in a problem response's
 * {@code errors}.
 *
 * @param field the JSON path, parameter or header name
 * @param message what is wrong with it
 */
public record FieldProblem(String field, String message) {
}
