package org.library.testsupport;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A W3C Trace Context {@code traceparent} a test sends, so it can look for its trace id
 * wherever the work went.
 *
 * @param traceId 32 hex digits
 * @param parentId 16 hex digits
 */
public record Traceparent(String traceId, String parentId) {

	/** A new trace, sampled. */
	public static Traceparent random() {
		return new Traceparent(hex(16), hex(8));
	}

	/** The header's value: {@code 00-<trace id>-<parent id>-01}. */
	public String header() {
		return "00-" + traceId + "-" + parentId + "-01";
	}

	/**
	 * The same trace, which the caller chose not to sample:
	 * {@code 00-<trace id>-<parent id>-00}.
	 */
	public String unsampledHeader() {
		return "00-" + traceId + "-" + parentId + "-00";
	}

	private static String hex(int bytes) {
		byte[] random = new byte[bytes];
		ThreadLocalRandom.current().nextBytes(random);
		return HexFormat.of().formatHex(random);
	}

}
