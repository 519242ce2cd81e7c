package org.library.audit.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.library.platform.web.InvalidRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit API's cursors, without a server: what it issues it reads back, and nothing
 * else.
 */
class CursorTest {

	@Test
	void aCursorItIssuedReadsBackAsThePositionItNamed() {
		for (long position : new long[] { 1, 42, Long.MAX_VALUE }) {
			assertThat(Cursor.decode(Cursor.encode(position))).isEqualTo(position);
		}
		assertThat(Cursor.encode(null)).isNull();
		assertThat(Cursor.decode(null)).isNull();
	}

	@Test
	void aCursorItDidNotIssueIsRefusedNamingTheParameter() {
		List<String> foreign = List.of("", "not base64!", encoded("seq:0"), encoded("seq:-5"), encoded("seq:x"),
				encoded("offset:10"), encoded("seq:99999999999999999999"));
		for (String cursor : foreign) {
			assertThatThrownBy(() -> Cursor.decode(cursor)).as(cursor)
				.isInstanceOf(InvalidRequest.class)
				.satisfies(refusal -> assertThat(((InvalidRequest) refusal).getBody().getProperties().get("errors"))
					.asString()
					.contains("cursor"));
		}
	}

	private static String encoded(String text) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

}
