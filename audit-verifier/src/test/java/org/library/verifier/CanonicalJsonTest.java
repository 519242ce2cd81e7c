package org.library.verifier;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** RFC 8785's own examples: its sample object and its table of numbers (Appendix B). */
class CanonicalJsonTest {

	@Test
	void theRfcsSampleObject() {
		Object value = Json.read("""
				{
				  "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
				  "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
				  "literals": [null, true, false]
				}""");
		assertThat(CanonicalJson.write(value)).isEqualTo("""
				{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],\
				"string":"€$\\u000f\\nA'B\\"\\\\\\\\\\"/"}""");
	}

	@ParameterizedTest
	@CsvSource({ "0, 0", "-0.0, 0", "5e-324, 5e-324", "1.7976931348623157e308, 1.7976931348623157e+308",
			"9007199254740992, 9007199254740992", "9007199254740993, 9007199254740992",
			"295147905179352825856, 295147905179352830000", "1e21, 1e+21", "1e20, 100000000000000000000",
			"0.000001, 0.000001", "0.0000001, 1e-7", "-1.5, -1.5", "123456789012345678, 123456789012345680" })
	void numbersAsEcmaScriptWritesThem(String number, String canonical) {
		assertThat(CanonicalJson.number(Double.parseDouble(number))).isEqualTo(canonical);
	}

	@Test
	void membersAreSortedByUtf16CodeUnitsAsTheRfcsExampleIs() {
		Map<String, Object> object = new LinkedHashMap<>();
		for (String name : List.of("\u20ac", "\r", "\ufb33", "1", "\ud83d\ude00", "\u0080", "\u00f6")) {
			object.put(name, name.length());
		}
		// by code point the emoji (U+1F600) would come last; by UTF-16 unit it precedes
		// U+FB33
		assertThat(CanonicalJson.write(object).replaceAll(":[0-9]", ""))
			.isEqualTo("{\"\\r\",\"1\",\"\u0080\",\"\u00f6\",\"\u20ac\",\"\ud83d\ude00\",\"\ufb33\"}");
		assertThat(CanonicalJson.write(List.of())).isEqualTo("[]");
	}

	@Test
	void whatJsonCannotHoldIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.write(Double.NaN));
		assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.write(Map.of(1, "x")));
	}

}
