package org.library.verifier;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON (RFC 8259) into maps, lists, strings, numbers, booleans and {@code null}.
 * The verifier depends on nothing but the JDK, which has no JSON reader, and what it
 * reads is small and regular: checkpoints, proofs and exported events. Strict: a
 * duplicate key, anything after the value, or a malformed number or escape is an error.
 */
final class Json {

	private final String text;

	private int at;

	private Json(String text) {
		this.text = text;
	}

	/**
	 * The value {@code text} holds: a {@code Map<String, Object>}, {@code List<Object>},
	 * {@code String}, {@code BigDecimal}, {@code Boolean} or {@code null}.
	 */
	static Object read(String text) {
		Json json = new Json(text);
		Object value = json.value();
		json.whitespace();
		if (json.at != text.length()) {
			throw json.error("more after the JSON value");
		}
		return value;
	}

	private Object value() {
		whitespace();
		if (at >= text.length()) {
			throw error("a value is missing");
		}
		char c = text.charAt(at);
		return switch (c) {
			case '{' -> object();
			case '[' -> array();
			case '"' -> string();
			case 't' -> literal("true", Boolean.TRUE);
			case 'f' -> literal("false", Boolean.FALSE);
			case 'n' -> literal("null", null);
			default -> number();
		};
	}

	private Map<String, Object> object() {
		Map<String, Object> object = new LinkedHashMap<>();
		at++;
		whitespace();
		if (peek('}')) {
			at++;
			return object;
		}
		while (true) {
			whitespace();
			if (!peek('"')) {
				throw error("a key is missing");
			}
			String key = string();
			whitespace();
			expect(':');
			if (object.containsKey(key)) {
				throw error("the key " + key + " appears twice");
			}
			object.put(key, value());
			whitespace();
			if (peek(',')) {
				at++;
			}
			else {
				expect('}');
				return object;
			}
		}
	}

	private List<Object> array() {
		List<Object> array = new ArrayList<>();
		at++;
		whitespace();
		if (peek(']')) {
			at++;
			return array;
		}
		while (true) {
			array.add(value());
			whitespace();
			if (peek(',')) {
				at++;
			}
			else {
				expect(']');
				return array;
			}
		}
	}

	private String string() {
		at++;
		StringBuilder out = new StringBuilder();
		while (at < text.length()) {
			char c = text.charAt(at++);
			if (c == '"') {
				return out.toString();
			}
			if (c < 0x20) {
				throw error("a control character in a string");
			}
			if (c != '\\') {
				out.append(c);
				continue;
			}
			if (at >= text.length()) {
				break;
			}
			char escaped = text.charAt(at++);
			switch (escaped) {
				case '"', '\\', '/' -> out.append(escaped);
				case 'b' -> out.append('\b');
				case 'f' -> out.append('\f');
				case 'n' -> out.append('\n');
				case 'r' -> out.append('\r');
				case 't' -> out.append('\t');
				case 'u' -> {
					if (at + 4 > text.length()) {
						throw error("a \\u escape needs four hex digits");
					}
					try {
						out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
					}
					catch (NumberFormatException ex) {
						throw error("a \\u escape needs four hex digits");
					}
					at += 4;
				}
				default -> throw error("an unknown escape \\" + escaped);
			}
		}
		throw error("a string is not closed");
	}

	private BigDecimal number() {
		int start = at;
		while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
			at++;
		}
		String number = text.substring(start, at);
		if (!number.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
			throw error("not a value: " + (number.isEmpty() ? text.charAt(start) : number));
		}
		return new BigDecimal(number);
	}

	private Object literal(String word, Object value) {
		if (!text.startsWith(word, at)) {
			throw error("not a value");
		}
		at += word.length();
		return value;
	}

	private void whitespace() {
		while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
			at++;
		}
	}

	private boolean peek(char c) {
		return at < text.length() && text.charAt(at) == c;
	}

	private void expect(char c) {
		if (!peek(c)) {
			throw error("'" + c + "' expected");
		}
		at++;
	}

	private IllegalArgumentException error(String problem) {
		return new IllegalArgumentException("not valid JSON at character " + at + ": " + problem);
	}

}
