package org.library.platform.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the request edge reads a path ({@code RequestEdgeFilter.decode}), without a server:
 * strict percent-decoding into UTF-8, {@code null} for anything malformed.
 */
class PercentDecodingTest {

	@Test
	void decodesPercentEscapesAsUtf8AndLeavesAPlusAsItIs() {
		assertThat(RequestEdgeFilter.decode("le%20guin")).isEqualTo("le guin");
		assertThat(RequestEdgeFilter.decode("le+guin")).isEqualTo("le+guin");
		assertThat(RequestEdgeFilter.decode("%C3%BCber")).isEqualTo("über");
		assertThat(RequestEdgeFilter.decode("über")).isEqualTo("über");
		assertThat(RequestEdgeFilter.decode("")).isEmpty();
	}

	@Test
	void aMalformedEscapeOrBytesThatAreNotUtf8AreNull() {
		assertThat(RequestEdgeFilter.decode("%")).isNull();
		assertThat(RequestEdgeFilter.decode("%2")).isNull();
		assertThat(RequestEdgeFilter.decode("%zz")).isNull();
		assertThat(RequestEdgeFilter.decode("%C3")).isNull();
		assertThat(RequestEdgeFilter.decode("%FF%FE")).isNull();
		assertThat(RequestEdgeFilter.decode("%C0%AF")).isNull();
	}

}
