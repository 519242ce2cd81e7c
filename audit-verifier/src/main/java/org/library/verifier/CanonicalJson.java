package org.library.verifier;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON Canonicalization Scheme of RFC 8785: one text for one value, whoever writes
 * it. Object members sorted by their names' UTF-16 code units, no whitespace, strings
 * with the fewest escapes, and numbers as ECMAScript writes a double. Both the audit
 * service, when it hashes a leaf, and the verifier, when it hashes it again, write leaves
 * with it, so the two agree on every byte.
 */
public final class CanonicalJson {

	private CanonicalJson() {
	}

	/**
	 * {@code value} canonically: a {@code Map} with text keys, a {@code List}, a
	 * {@code String}, a {@code Number}, a {@code Boolean} or {@code null}.
	 */
	public static String write(Object value) {
		StringBuilder out = new StringBuilder();
		write(value, out);
		return out.toString();
	}

	private static void write(Object value, StringBuilder out) {
		switch (value) {
			case null -> out.append("null");
			case Boolean bool -> out.append(bool);
			case String text -> string(text, out);
			case Number number -> out.append(number(number));
			case Map<?, ?> map -> {
				TreeMap<String, Object> sorted = new TreeMap<>();
				map.forEach((key, inner) -> {
					if (!(key instanceof String name)) {
						throw new IllegalArgumentException("an object's member names are text: " + key);
					}
					sorted.put(name, inner);
				});
				out.append('{');
				boolean first = true;
				for (Map.Entry<String, Object> member : sorted.entrySet()) {
					if (!first) {
						out.append(',');
					}
					first = false;
					string(member.getKey(), out);
					out.append(':');
					write(member.getValue(), out);
				}
				out.append('}');
			}
			case List<?> list -> {
				out.append('[');
				for (int i = 0; i < list.size(); i++) {
					if (i > 0) {
						out.append(',');
					}
					write(list.get(i), out);
				}
				out.append(']');
			}
			default -> throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
		}
	}

	private static void string(String text, StringBuilder out) {
		out.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\b' -> out.append("\\b");
				case '\f' -> out.append("\\f");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

	/**
	 * A number as ECMAScript's Number.prototype.toString writes the double nearest to it
	 * (RFC 8785 section 3.2.2.3): the shortest digits that read back as that double,
	 * plainly from 1e-6 up to 1e21, with an exponent outside.
	 */
	static String number(Number number) {
		double value = number.doubleValue();
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			throw new IllegalArgumentException("JSON has no number " + number);
		}
		if (value == 0) {
			return "0";
		}
		// since JDK 19 Double.toString gives the shortest digits that read back as the
		// double, the same digits ECMAScript chooses
		BigDecimal exact = new BigDecimal(Double.toString(Math.abs(value))).stripTrailingZeros();
		// but Java writes at least two digits where one would do (4.9E-324 for 5e-324)
		BigDecimal oneDigit = exact.round(new MathContext(1, RoundingMode.HALF_EVEN));
		if (exact.precision() == 2 && Double.parseDouble(oneDigit.toString()) == Math.abs(value)) {
			exact = oneDigit.stripTrailingZeros();
		}
		String digits = exact.unscaledValue().toString();
		int k = digits.length();
		int n = k - exact.scale();
		StringBuilder out = new StringBuilder(value < 0 ? "-" : "");
		if (k <= n && n <= 21) {
			out.append(digits).append("0".repeat(n - k));
		}
		else if (0 < n && n <= 21) {
			out.append(digits, 0, n).append('.').append(digits, n, k);
		}
		else if (-6 < n && n <= 0) {
			out.append("0.").append("0".repeat(-n)).append(digits);
		}
		else {
			out.append(digits.charAt(0));
			if (k > 1) {
				out.append('.').append(digits, 1, k);
			}
			out.append('e').append(n - 1 >= 0 ? "+" : "-").append(Math.abs(n - 1));
		}
		return out.toString();
	}

}
