package org.library.platform.refusal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RefusalTest {

	@ParameterizedTest
	@ValueSource(strings = { "type", "title", "status", "detail", "instance" })
	void anExtensionCannotTakeTheNameOfAProblemsOwnMember(String member) {
		assertThatIllegalArgumentException().isThrownBy(() -> new Shown(member))
			.withMessageContaining("'" + member + "'");
	}

	@Test
	void anyOtherExtensionIsKeptInItsOrder() {
		assertThat(new Shown("bookStatus").properties()).containsExactly(entry("bookStatus", "WITHDRAWN"));
	}

	private static final class Shown extends Refusal {

		Shown(String name) {
			super("shown", "Shown", "A refusal that shows " + name);
			set(name, "WITHDRAWN");
		}

	}

}
