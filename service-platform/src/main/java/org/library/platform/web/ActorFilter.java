package org.library.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.library.platform.actor.Actor;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads and checks {@code X-Actor} before anything else sees the request.
 */
class ActorFilter extends OncePerRequestFilter {

	private final ProblemWriter problems;

	ActorFilter(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String actor = request.getHeader(Actor.HEADER);
		if (actor == null || actor.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		if (!Actor.isValid(actor)) {
			problems.write(request, response, HttpStatus.BAD_REQUEST, "Invalid X-Actor header",
					"X-Actor must be 1 to " + Actor.MAX_LENGTH
							+ " characters of letters, digits and . _ @ : + -");
			return;
		}
		try (Actor.Binding binding = Actor.bind(actor)) {
			chain.doFilter(request, response);
		}
	}

}
