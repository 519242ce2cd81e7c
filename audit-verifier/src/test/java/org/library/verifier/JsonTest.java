package org.library.verifier;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The verifier's own JSON reader: what RFC 8259 allows, and nothing it does not. */
class JsonTest {

	@Test
	void readsEveryKindOfValue() {
		assertThat(Json.read("""
				{"a": [1, -2.5e3, "x\\u00e9\\n\\"", true, false, null], "b": {}}""")).isEqualTo(
				Map.of("a", Arrays.asList(new BigDecimal("1"), new BigDecimal("-2.5e3"), "xé\n\"", true, false, null),
						"b", Map.of()));
		assertThat(Json.read(" [] ")).isEqualTo(List.of());
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "{", "[1,]", "{\"a\":1,\"a\":2}", "01", "1.", "\"\\x\"", "\"\u0001\"", "[1] x", "nul",
			"{\"a\" 1}", "\"open" })
	void refusesWhatIsNotJson(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> Json.read(text))
			.withMessageStartingWith("not valid JSON");
	}

}
