package org.library.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat answers some requests itself, before Spring MVC or any filter sees them: a bad
 * percent-escape or an encoded slash in the path, a header too large, too many
 * parameters. Its own error page is HTML; this valve answers those with the same RFC 9457
 * problem+json as everything else.
 */
public class ProblemReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(true);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		String title = switch (status) {
			case 400 -> "Bad request";
			case 404 -> "Not found";
			case 405 -> "Method not allowed";
			case 413 -> "Request body too large";
			case 414 -> "URI too long";
			case 431 -> "Request header fields too large";
			default -> status >= 500 ? "Internal error" : "Request refused";
		};
		String detail = status >= 500 ? "The request could not be completed; nothing was changed by it"
				: "The request was refused before it reached the service: its line, path or headers are malformed "
						+ "or too large";
		try {
			response.setContentType("application/problem+json");
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
						+ ",\"detail\":\"" + detail + "\"}");
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the client is gone, or the response was taken over; nothing more to say
		}
	}

}
