package org.library.platform.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks what arrives before any handler reads it, so that nothing a client sends can
 * make a service fail: the query string must be well-formed UTF-8 percent-encoding with
 * at most {@value #MAX_PARAMETERS} parameters and no control characters, the path must
 * hold no control characters, and a request that changes something may carry only JSON (a
 * form or plain text is 415, which also shuts out a cross-site form post).
 */
class RequestEdgeFilter extends OncePerRequestFilter {

	static final int MAX_PARAMETERS = 100;

	private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

	private final ProblemWriter problems;

	RequestEdgeFilter(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = decode(request.getRequestURI());
		if (path == null || StrictJson.hasControlCharacter(path, false)) {
			problems.invalid(request, response, List
				.of(new FieldProblem("path", "must be valid percent-encoded UTF-8 without control characters")));
			return;
		}
		String query = request.getQueryString();
		if (query != null && !query.isEmpty()) {
			FieldProblem bad = checkQuery(query);
			if (bad != null) {
				problems.invalid(request, response, List.of(bad));
				return;
			}
		}
		if (CHANGING.contains(request.getMethod()) && !carriesOnlyJson(request)) {
			problems.write(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
					"A request that changes something carries JSON (Content-Type: application/json), or no body");
			return;
		}
		chain.doFilter(request, response);
	}

	private static FieldProblem checkQuery(String query) {
		String[] pairs = query.split("&", -1);
		if (pairs.length > MAX_PARAMETERS) {
			return new FieldProblem("query", "must have at most " + MAX_PARAMETERS + " parameters");
		}
		for (String pair : pairs) {
			int equals = pair.indexOf('=');
			String name = decode(equals < 0 ? pair : pair.substring(0, equals));
			String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
			if (name == null || value == null) {
				return new FieldProblem(name == null ? "query" : name, "must be valid percent-encoded UTF-8");
			}
			boolean badName = StrictJson.hasControlCharacter(name, false);
			if (badName || StrictJson.hasControlCharacter(value, false)) {
				return new FieldProblem(badName ? "query" : name, "must not contain control characters");
			}
		}
		return null;
	}

	/** A JSON body, or no body at all (an action such as a checkout). */
	private static boolean carriesOnlyJson(HttpServletRequest request) {
		String contentType = request.getContentType();
		if (contentType == null || contentType.isBlank()) {
			return request.getContentLengthLong() <= 0 && request.getHeader("Transfer-Encoding") == null;
		}
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return MediaType.APPLICATION_JSON.isCompatibleWith(type)
					|| (type.getSubtype().endsWith("+json") && "application".equals(type.getType()));
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	/**
	 * Strict percent-decoding ({@code +} is a space in a query); {@code null} if
	 * malformed.
	 */
	static String decode(String encoded) {
		ByteBuffer bytes = ByteBuffer.allocate(encoded.length() * 3);
		for (int i = 0; i < encoded.length(); i++) {
			char c = encoded.charAt(i);
			if (c == '%') {
				if (i + 2 >= encoded.length()) {
					return null;
				}
				int high = Character.digit(encoded.charAt(i + 1), 16);
				int low = Character.digit(encoded.charAt(i + 2), 16);
				if (high < 0 || low < 0) {
					return null;
				}
				bytes.put((byte) (high * 16 + low));
				i += 2;
			}
			else if (c == '+') {
				bytes.put((byte) ' ');
			}
			else {
				bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
			}
		}
		bytes.flip();
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(bytes)
				.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

}
