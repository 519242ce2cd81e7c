package org.library.verifier;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The salted hash a leaf holds in a name's place, against values computed apart (Python's
 * hashlib), and what may be a name.
 */
class PersonalNameTest {

	private static final byte[] SALT = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 };

	@Test
	void theHashIsOfTheSaltThenTheNamesUtf8() {
		assertThat(new PersonalName("actor", "ada", SALT).hash())
			.isEqualTo("sha256:QT3vxaUa1+ww6gXrdL+B5R/DRZAPLMNWEzzX9+C9GnI=");
		assertThat(new PersonalName("details.reader", "zoë", SALT).hash())
			.isEqualTo("sha256:FEAvefNN8IFMfrQzw5uYZLU4+6V1eIOiT7Vn+rev7kA=");
	}

	@Test
	void eachOccurrenceHasItsOwnSaltSoTwoHashesOfOneReaderDiffer() {
		PersonalName first = PersonalName.salted("actor", "ada");
		PersonalName second = PersonalName.salted("actor", "ada");
		assertThat(first.salt()).hasSize(16).isNotEqualTo(second.salt());
		assertThat(first.hash()).isNotEqualTo(second.hash());
		assertThat(PersonalName.isHash(first.hash())).isTrue();
		assertThat(PersonalName.isHash("ada")).isFalse();
	}

	@Test
	void onlyTheFieldsThatNameAPersonAndOnlyFullSalts() {
		assertThatThrownBy(() -> new PersonalName("details.title", "ada", SALT))
			.hasMessageContaining("not a field that names a person");
		assertThatThrownBy(() -> new PersonalName("actor", "ada", new byte[8])).hasMessageContaining("16 bytes");
	}

	@Test
	void aFieldIsFoundInTheLeafOrItsDetails() {
		Map<String, Object> leaf = Map.of("actor", "a", "details", Map.of("readerId", "r"));
		assertThat(PersonalName.valueIn(leaf, "actor")).isEqualTo("a");
		assertThat(PersonalName.valueIn(leaf, "details.readerId")).isEqualTo("r");
		assertThat(PersonalName.valueIn(leaf, "details.reader")).isNull();
		assertThat(PersonalName.valueIn(Map.of("details", "text"), "details.reader")).isNull();
	}

}
