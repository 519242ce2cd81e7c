package org.library.audit.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.library.platform.web.InvalidRequest;

/**
 * The opaque cursor of a page: where in the recording order the previous page ended.
 * Opaque so callers do not build their own, and may change without breaking them.
 */
final class Cursor {

	private static final String PREFIX = "seq:";

	private Cursor() {
	}

	static String encode(Long position) {
		return position == null ? null
				: Base64.getUrlEncoder()
					.withoutPadding()
					.encodeToString((PREFIX + position).getBytes(StandardCharsets.UTF_8));
	}

	static Long decode(String cursor) {
		if (cursor == null) {
			return null;
		}
		try {
			String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			if (text.startsWith(PREFIX)) {
				long position = Long.parseLong(text.substring(PREFIX.length()));
				if (position > 0) {
					return position;
				}
			}
		}
		catch (IllegalArgumentException ex) {
			// not base64 or not a number: the same answer as any other cursor we did not
			// issue
		}
		throw new InvalidRequest("cursor", "must be a nextCursor returned by this API");
	}

}
