package org.library.testsupport;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sends a request as bytes on a socket, for what a well-behaved HTTP client refuses to
 * send: a bad escape or a control character in the path, an oversized header, a forged
 * Host.
 */
public final class RawHttp {

	private RawHttp() {
	}

	/**
	 * @param requestLineAndHeaders the request line and headers, without the blank line
	 * that ends them
	 * @param body the body, or {@code null}
	 */
	public static Http.Response send(int port, String requestLineAndHeaders, String body) {
		byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
		boolean hasHost = requestLineAndHeaders.toLowerCase(Locale.ROOT).contains("\r\nhost:");
		String head = requestLineAndHeaders + (hasHost ? "" : "\r\nHost: localhost:" + port)
				+ "\r\nConnection: close\r\n" + (body == null ? "" : "Content-Length: " + content.length + "\r\n")
				+ "\r\n";
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(head.getBytes(StandardCharsets.ISO_8859_1));
			out.write(content);
			out.flush();
			return parse(socket.getInputStream().readAllBytes());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Http.Response parse(byte[] raw) throws IOException {
		String text = new String(raw, StandardCharsets.UTF_8);
		int end = text.indexOf("\r\n\r\n");
		String[] lines = (end < 0 ? text : text.substring(0, end)).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			if (colon > 0) {
				headers.computeIfAbsent(lines[i].substring(0, colon).strip(), name -> new ArrayList<>())
					.add(lines[i].substring(colon + 1).strip());
			}
		}
		String body = end < 0 ? "" : text.substring(end + 4);
		if (headers.containsKey("Transfer-Encoding")) {
			body = dechunk(body);
		}
		return new Http.Response(status, body, headers);
	}

	private static String dechunk(String chunked) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		InputStream in = new ByteArrayInputStream(chunked.getBytes(StandardCharsets.UTF_8));
		while (true) {
			StringBuilder size = new StringBuilder();
			int c;
			while ((c = in.read()) != -1 && c != '\n') {
				if (c != '\r') {
					size.append((char) c);
				}
			}
			int length = size.isEmpty() ? 0 : Integer.parseInt(size.toString().split(";")[0].strip(), 16);
			if (length == 0) {
				return out.toString(StandardCharsets.UTF_8);
			}
			out.write(in.readNBytes(length));
			in.read();
			in.read();
		}
	}

}
