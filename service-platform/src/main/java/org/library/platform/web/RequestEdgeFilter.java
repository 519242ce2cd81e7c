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
 * Checks what arrives before any handler reads it, where the framework does not: the path
 * must be well-formed UTF-8 percent-encoding without control characters (the firewall
 * refuses only an encoded NUL, CR or LF there), and a request that changes something may
 * carry only JSON (a form or plain text is 415, which also shuts out a cross-site form
 * post). The query is the framework's: Tomcat refuses malformed escapes and more than
 * {@code server.tomcat.max-parameter-count} parameters, and Spring Security's firewall
 * control characters, each when a parameter is first read ({@code ProblemResponses}
 * answers both with a 400 problem).
 */
class RequestEdgeFilter extends OncePerRequestFilter {

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
		if (CHANGING.contains(request.getMethod()) && !carriesOnlyJson(request)) {
			problems.write(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
					"A request that changes something carries JSON (Content-Type: application/json), or no body");
			return;
		}
		chain.doFilter(request, response);
	}

	/** A JSON body, or no body at all (an action such as a return). */
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
	 * Strict percent-decoding of a path ({@code +} is itself there, not a space);
	 * {@code null} if malformed.
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
