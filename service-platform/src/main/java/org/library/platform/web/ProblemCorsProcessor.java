package org.library.platform.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;

/**
 * Spring's CORS checks, with a refusal (an origin, method or header the frontend's
 * configuration does not allow) answered as a 403 problem like every other refusal, not
 * as plain text.
 */
class ProblemCorsProcessor extends DefaultCorsProcessor {

	private final ProblemWriter problems;

	private final ThreadLocal<HttpServletRequest> request = new ThreadLocal<>();

	ProblemCorsProcessor(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	public boolean processRequest(CorsConfiguration configuration, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		this.request.set(request);
		try {
			return super.processRequest(configuration, request, response);
		}
		finally {
			this.request.remove();
		}
	}

	@Override
	protected void rejectRequest(ServerHttpResponse response) throws IOException {
		if (response instanceof ServletServerHttpResponse servlet && request.get() != null) {
			problems.write(request.get(), servlet.getServletResponse(), HttpStatus.FORBIDDEN,
					"Cross-origin request refused",
					"This origin, method or header may not call the API from a browser");
			return;
		}
		super.rejectRequest(response);
	}

}
