package org.library.audit;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.library.testsupport.ApiFuzz;
import org.library.testsupport.Caller;
import org.library.testsupport.LibraryServiceTest;
import org.library.testsupport.ServiceUnderTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the audit service's OpenAPI document, fed random, boundary and
 * hostile values: never a 5xx, every 4xx a problem, and the trail is never changed
 * through its API.
 */
@LibraryServiceTest
class ApiFuzzTest {

	@Autowired
	JdbcClient jdbc;

	private final ServiceUnderTest service;

	ApiFuzzTest(ServiceUnderTest service) {
		this.service = service;
	}

	@Test
	void noRequestMadeFromTheApiDocumentGetsA5xxAndTheTrailStaysAsItWas() {
		int sent = new ApiFuzz(service.http().as(Caller.AUDITOR), this::state, List.of()).run(200);

		assertThat(sent).isGreaterThanOrEqualTo(200);
	}

	private List<Object> state() {
		return List.of(jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single());
	}

}
