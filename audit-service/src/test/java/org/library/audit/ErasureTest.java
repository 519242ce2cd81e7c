package org.library.audit;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.library.testsupport.Caller;
import org.library.testsupport.Http;
import org.library.testsupport.LibraryServiceTest;
import org.library.testsupport.ServiceUnderTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A reader's name erased from the trail: the events stay and show "erased" where it was,
 * the name is nowhere in the database, and the trail still verifies against the
 * checkpoint signed before, by the auditor's own command.
 */
@LibraryServiceTest
class ErasureTest {

	private final ServiceUnderTest service;

	private final Http auditor;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MerkleLog tree;

	@Autowired
	Checkpoints checkpoints;

	@TempDir
	Path directory;

	ErasureTest(ServiceUnderTest service) {
		this.service = service;
		this.auditor = service.http().as(Caller.AUDITOR);
	}

	@Test
	void anErasedReaderLeavesEveryProofWhole() {
		String reader = "erin-" + UUID.randomUUID().toString().substring(0, 8);
		String list = UUID.randomUUID().toString();
		List<UUID> events = new ArrayList<>();
		try (AuditFeed feed = new AuditFeed(service.bootstrapServers())) {
			for (String action : List.of("BookListed", "ReadingStatusChanged")) {
				UUID id = UUID.randomUUID();
				events.add(id);
				feed.send(id, """
						{"id":"%s","occurredAt":"%s","actor":"%s","action":"%s","entityType":"ReadingListItem",\
						"entityId":"%s","details":{"readerId":"%s","status":"WANT_TO_READ"}}""".formatted(id,
						Instant.now(), reader, action, list, reader), list);
			}
			// a librarian's action on the reader's behalf: erasing the reader keeps the
			// librarian
			UUID id = UUID.randomUUID();
			events.add(id);
			feed.send(id, """
					{"id":"%s","occurredAt":"%s","actor":"librarian","action":"LoanOpened","entityType":"Book",\
					"entityId":"%s","details":{"reader":"%s"}}""".formatted(id, Instant.now(), list, reader), list);
		}
		awaitStored(list, 3);

		// the trail's rows and leaves hold salted hashes only; the names are apart
		assertThat(
				jdbc.sql("SELECT count(*) FROM audit_event WHERE entity_id = ? AND (actor = ? OR details::text LIKE ?)")
					.params(list, reader, "%" + reader + "%")
					.query(Long.class)
					.single())
			.isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE entity_id = ? AND actor LIKE 'sha256:%'")
			.param(list)
			.query(Long.class)
			.single()).isEqualTo(3);
		JsonNode named = page("entityId=" + list);
		assertThat(named.findValuesAsString("actor")).containsExactly("librarian", reader, reader);
		assertThat(named.findValuesAsString("readerId")).containsExactly(reader, reader);
		assertThat(named.findValuesAsString("reader")).containsExactly(reader);
		assertThat(page("actor=" + reader).get("items")).hasSize(2);

		checkpoints.signLatest();
		String key = "--key=" + checkpoints.verifierKey();
		String api = "--api=http://localhost:" + service.port();
		Path state = directory.resolve("state");
		assertThat(AuditorCommand.run(key, api, "--state=" + state)).startsWith("0 intact: ");

		// a name swapped for another where the names are kept is an edit of the trail
		JdbcClient owner = service.as("audit_owner");
		long place = jdbc.sql("SELECT leaf_index FROM audit_event WHERE id = ?")
			.param(events.getFirst())
			.query(Long.class)
			.single();
		owner.sql("UPDATE personal_name SET name = 'mallory' WHERE event_id = ? AND field = 'actor'")
			.param(events.getFirst())
			.update();
		try {
			assertThat(AuditorCommand.run(key, api)).startsWith("1 edited " + place + " the name given for actor");
		}
		finally {
			owner.sql("UPDATE personal_name SET name = ? WHERE event_id = ? AND field = 'actor'")
				.params(reader, events.getFirst())
				.update();
		}

		Http.Response erased = auditor.post("/api/audit-erasures", "{\"name\":\"" + reader + "\"}");
		assertThat(erased.status()).isEqualTo(200);
		assertThat(erased.json().get("erased").asInt()).isEqualTo(5);

		JsonNode after = page("entityId=" + list);
		assertThat(after.findValuesAsString("actor")).containsExactly("librarian", "erased", "erased");
		assertThat(after.findValuesAsString("readerId")).containsExactly("erased", "erased");
		assertThat(after.findValuesAsString("reader")).containsExactly("erased");
		assertThat(page("actor=" + reader).get("items")).isEmpty();
		assertThat(
				jdbc.sql("SELECT count(*) FROM personal_name WHERE name = ?").param(reader).query(Long.class).single())
			.isZero();

		// the same leaves under the same checkpoint, and the checkpoints after grow from
		// it
		assertThat(AuditorCommand.run(key, api, "--state=" + state)).startsWith("0 intact: ");
		LogAppends.append(service, jdbc, tree, 2);
		checkpoints.signLatest();
		assertThat(AuditorCommand.run(key, api, "--state=" + state)).startsWith("0 intact: ")
			.contains("grown from the");

		// a redelivered event does not bring its erased name back
		try (AuditFeed feed = new AuditFeed(service.bootstrapServers())) {
			feed.send(events.getFirst(), """
					{"id":"%s","occurredAt":"%s","actor":"%s","action":"BookListed","entityType":"ReadingListItem",\
					"entityId":"%s","details":{"readerId":"%s"}}""".formatted(events.getFirst(), Instant.now(), reader,
					list, reader), list);
		}
		LogAppends.append(service, jdbc, tree, 1);
		assertThat(page("entityId=" + list).findValuesAsString("actor")).containsExactly("librarian", "erased",
				"erased");
	}

	@Test
	void onlyAnAuditorErasesAndOnlyAName() {
		Http.Response reader = service.http().as(Caller.ADA).post("/api/audit-erasures", "{\"name\":\"ada\"}");
		assertThat(reader.status()).isEqualTo(403);
		for (String body : List.of("{}", "{\"name\":\"  \"}", "{\"name\":\"" + "x".repeat(201) + "\"}")) {
			Http.Response refused = auditor.post("/api/audit-erasures", body);
			assertThat(refused.status()).as(body).isEqualTo(400);
			assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
			assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
		}
		Http.Response nobody = auditor.post("/api/audit-erasures", "{\"name\":\"nobody-" + UUID.randomUUID() + "\"}");
		assertThat(nobody.status()).isEqualTo(200);
		assertThat(nobody.json().get("erased").asInt()).isZero();
	}

	private JsonNode page(String query) {
		Http.Response response = auditor.get("/api/audit-events?" + query);
		assertThat(response.status()).isEqualTo(200);
		return response.json();
	}

	private void awaitStored(String entity, int count) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.sql("SELECT count(*) FROM audit_event WHERE entity_id = ?")
				.param(entity)
				.query(Long.class)
				.single() == count && tree.size() == jdbc.sql("SELECT size FROM tree_head").query(Long.class).single());
	}

}
