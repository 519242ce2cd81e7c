package org.library.audit;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.library.testsupport.LibraryServiceTest;
import org.library.testsupport.ServiceUnderTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auditor's command against the running audit service, as an auditor runs it: the
 * live trail verifies, the export it saves verifies offline, and an actor the database's
 * owner edits in place is named.
 */
@LibraryServiceTest
class VerifierCommandTest {

	private final ServiceUnderTest service;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MerkleLog tree;

	@Autowired
	Checkpoints checkpoints;

	@TempDir
	Path directory;

	VerifierCommandTest(ServiceUnderTest service) {
		this.service = service;
	}

	@Test
	void theLiveTrailVerifiesAndAnOwnersEditIsNamed() {
		LogAppends.append(service, jdbc, tree, 3);
		checkpoints.signLatest();
		String key = "--key=" + checkpoints.verifierKey();
		String api = "--api=http://localhost:" + service.port();
		Path export = directory.resolve("export.ndjson");
		Path state = directory.resolve("state");

		assertThat(AuditorCommand.run(key, api, "--save=" + export, "--state=" + state)).startsWith("0 intact: ");
		assertThat(AuditorCommand.run(key, "--export=" + export, "--state=" + state)).startsWith("0 intact: ");

		long place = jdbc.sql("SELECT max(leaf_index) FROM audit_event").query(Long.class).single();
		String id = jdbc.sql("SELECT id::text FROM audit_event WHERE leaf_index = ?")
			.param(place)
			.query(String.class)
			.single();
		assertThat(AuditorCommand.run(key, api, "--prove=" + id))
			.startsWith("0 included: event " + id + " at place " + place);
		JdbcClient owner = service.as("audit_owner");
		String actor = owner.sql("SELECT actor FROM audit_event WHERE leaf_index = ?")
			.param(place)
			.query(String.class)
			.single();
		owner.sql("UPDATE audit_event SET actor = 'nobody' WHERE leaf_index = ?").param(place).update();
		try {
			assertThat(AuditorCommand.run(key, api, "--state=" + state)).isEqualTo("1 edited " + place + "\n");
			assertThat(AuditorCommand.run(key, api, "--prove=" + id)).startsWith("1 edited " + place);
		}
		finally {
			owner.sql("UPDATE audit_event SET actor = ? WHERE leaf_index = ?").params(actor, place).update();
		}
		assertThat(Files.exists(state)).isTrue();
	}

}
