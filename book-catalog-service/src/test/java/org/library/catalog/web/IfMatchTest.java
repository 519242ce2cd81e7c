package org.library.catalog.web;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.library.catalog.ExpectedVersions;
import org.library.platform.web.InvalidRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * If-Match read as RFC 9110 says, without a server: the rules behind the catalog's 412s.
 */
class IfMatchTest {

	@Test
	void aStarAdmitsAnyVersionWhereverItStands() {
		assertThat(IfMatch.versions(List.of("*"))).isEqualTo(ExpectedVersions.ANY);
		assertThat(IfMatch.versions(List.of("\"3\", *"))).isEqualTo(ExpectedVersions.ANY);
	}

	@Test
	void aListOfTagsAcrossHeadersAdmitsEachVersionItNames() {
		ExpectedVersions versions = IfMatch.versions(List.of("\"3\", \"4\"", " \"7\" "));
		assertThat(versions.any()).isFalse();
		assertThat(versions.versions()).isEqualTo(Set.of(3L, 4L, 7L));
	}

	@Test
	void weakTagsAndTagsThisCatalogNeverIssuedAdmitNothing() {
		assertThat(IfMatch.versions(List.of("W/\"3\"", "\"abc\"", "\"\"", "\"1234567890123456789\"")).versions())
			.isEmpty();
	}

	@Test
	void aHeaderThatIsNotAListOfEntityTagsIsRefusedNamingIt() {
		for (String malformed : List.of("3", "\"3", "W/3", "\"a b\"", "\"3\";", "\"\u00e9\"")) {
			assertThatThrownBy(() -> IfMatch.versions(List.of(malformed))).as(malformed)
				.isInstanceOf(InvalidRequest.class)
				.satisfies(refusal -> assertThat(((InvalidRequest) refusal).getBody().getProperties().get("errors"))
					.asString()
					.contains("If-Match"));
		}
	}

}
