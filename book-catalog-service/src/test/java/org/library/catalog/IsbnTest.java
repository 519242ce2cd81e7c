package org.library.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IsbnTest {

	@Test
	void convertsIsbn10ToIsbn13() {
		assertThat(Isbn.parse("0-306-40615-2")).contains("9780306406157");
		assertThat(Isbn.parse("080442957X")).contains("9780804429573");
		assertThat(Isbn.parse("0 8044 2957 x")).contains("9780804429573");
	}

	@Test
	void keepsAValidIsbn13() {
		assertThat(Isbn.parse("978-0-306-40615-7")).contains("9780306406157");
		assertThat(Isbn.parse("9791090636071")).contains("9791090636071");
	}

	@ParameterizedTest
	@ValueSource(strings = { "978-0-306-40615-8", "0-306-40615-3", "X806406152", "12345", "9770306406157",
			"978030640615a", "", "   " })
	void rejectsWhatIsNotAnIsbn(String text) {
		assertThat(Isbn.parse(text)).isEmpty();
	}

	@Test
	void holdsOnlyNormalizedIsbn13() {
		assertThat(new Isbn("9780306406157").value()).isEqualTo("9780306406157");
		assertThatIllegalArgumentException().isThrownBy(() -> new Isbn("0306406152"));
	}

}
