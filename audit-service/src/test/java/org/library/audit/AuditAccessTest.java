package org.library.audit;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.library.testsupport.Caller;
import org.library.testsupport.ForgedToken;
import org.library.testsupport.Http;
import org.library.testsupport.LibraryServiceTest;
import org.library.testsupport.ServiceUnderTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.library.testsupport.AccessAssertions.assertApiDocumentSays;
import static org.library.testsupport.AccessAssertions.assertForbidden;
import static org.library.testsupport.AccessAssertions.assertOnlyTheGenuineTokenIsAccepted;
import static org.library.testsupport.AccessAssertions.assertUnauthorized;

/**
 * The trail is for auditors, and only to read; the dead letters are for machine clients.
 * With real tokens from the real issuer.
 */
@LibraryServiceTest
class AuditAccessTest {

	private static final String TRAIL = "/api/audit-events";

	private final Http anonymous;

	AuditAccessTest(ServiceUnderTest service) {
		this.anonymous = service.http();
	}

	@Test
	void onlyAuditorsReadTheTrail() {
		assertUnauthorized(anonymous.get(TRAIL));
		for (Caller caller : new Caller[] { Caller.LIBRARIAN, Caller.ADA, Caller.MACHINE }) {
			assertForbidden(anonymous.as(caller).get(TRAIL));
		}

		assertThat(anonymous.as(Caller.AUDITOR).get(TRAIL).status()).isEqualTo(200);
	}

	@Test
	void nobodyWritesTheTrailOverHttp() {
		Http auditor = anonymous.as(Caller.AUDITOR);

		assertForbidden(auditor.post(TRAIL, "{}"));
		assertForbidden(auditor.put(TRAIL, "{}"));
		assertForbidden(auditor.delete(TRAIL));
	}

	@Test
	void deadLettersAreForMachineClients() {
		assertUnauthorized(anonymous.get("/actuator/deadletters"));
		assertForbidden(anonymous.as(Caller.AUDITOR).get("/actuator/deadletters"));
		assertForbidden(anonymous.as(Caller.LIBRARIAN)
			.post("/actuator/deadletters/library.audit.book-inventory-service.audit-service.DLT", "{}"));

		// scraping metrics is not operating: the machine client may not see or redrive
		// dead letters
		assertForbidden(anonymous.as(Caller.MACHINE).get("/actuator/deadletters"));
		assertForbidden(anonymous.as(Caller.MACHINE)
			.post("/actuator/deadletters/" + AuditFeed.TOPIC + ".audit-service.DLT", "{}"));
		assertThat(anonymous.as(Caller.OPERATOR).get("/actuator/deadletters").status()).isEqualTo(200);
		assertForbidden(anonymous.as(Caller.OPERATOR).get("/actuator/prometheus"));
	}

	@ParameterizedTest
	@EnumSource(ForgedToken.class)
	void aTokenIsCheckedForSignatureIssuerAudienceAndExpiry(ForgedToken forged) {
		assertOnlyTheGenuineTokenIsAccepted(forged, Caller.AUDITOR, anonymous, http -> http.get(TRAIL), 200);
	}

	@Test
	void theApiDocumentSaysWhichOperationsNeedAToken() {
		assertApiDocumentSays(anonymous, List.of("GET /api/audit-events"), List.of());
	}

}
