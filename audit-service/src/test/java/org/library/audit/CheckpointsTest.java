package org.library.audit;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.library.testsupport.Caller;
import org.library.testsupport.Http;
import org.library.testsupport.LibraryServiceTest;
import org.library.testsupport.ServiceUnderTest;
import org.library.verifier.Checkpoint;
import org.library.verifier.Merkle;
import org.library.verifier.SignedNote;
import org.library.verifier.TrailEntry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit service signs checkpoints of its Merkle log that an auditor opens with its
 * key and checks against the trail recomputed from the stored events; and it refuses to
 * sign a tree that does not extend the last checkpoint.
 */
@LibraryServiceTest
class CheckpointsTest {

	private final ServiceUnderTest service;

	private final Http auditor;

	@Autowired
	Checkpoints checkpoints;

	@Autowired
	MerkleLog tree;

	@Autowired
	JdbcClient jdbc;

	CheckpointsTest(ServiceUnderTest service) {
		this.service = service;
		this.auditor = service.http().as(Caller.AUDITOR);
	}

	@Test
	void anAuditorOpensEachCheckpointWithItsKeyAndFindsTheTrailInIt() throws Exception {
		SignedNote.VerifierKey key = SignedNote.VerifierKey.parse(auditor.get("/api/audit-checkpoints/key").body());
		assertThat(key.name()).isEqualTo("library.example/audit");
		Checkpoint first = latest(key);

		LogAppends.append(service, jdbc, tree, 5);
		Checkpoint second = latest(key);

		assertThat(second.size()).isGreaterThanOrEqualTo(first.size() + 5);
		List<byte[]> leaves = tree.entries(0, second.size()).stream().map(TrailEntry::leafHash).toList();
		assertThat(Merkle.root(leaves)).as("the root recomputed from the stored events").isEqualTo(second.root());
		if (first.size() > 0) {
			Merkle.verifyConsistency(first.size(), second.size(), Merkle.consistencyProof((int) first.size(), leaves),
					first.root(), second.root());
		}
		assertThat(service.http().get("/api/audit-checkpoints/latest").status()).isEqualTo(401);
	}

	@Test
	void aTreeThatDoesNotExtendTheLastCheckpointIsNeverSigned() throws Exception {
		LogAppends.append(service, jdbc, tree, 3);
		long signed = Checkpoint.parse(SignedNote.open(checkpoints.signLatest(), checkpoints.verifierKey())).size();
		// what the log last vouched for no longer matches the stored tree: one of the two
		// was rewritten
		JdbcClient owner = service.as("audit_owner");
		byte[] root = owner.sql("SELECT root FROM checkpoint WHERE size = ?")
			.param(signed)
			.query(byte[].class)
			.single();
		owner.sql("UPDATE checkpoint SET root = ? WHERE size = ?")
			.params(Merkle.leafHash(new byte[] { 9 }), signed)
			.update();
		try {
			LogAppends.append(service, jdbc, tree, 1);
			assertThatThrownBy(checkpoints::signLatest).isInstanceOf(Checkpoints.InconsistentTree.class)
				.hasMessageContaining("does not extend the checkpoint of " + signed);
			assertThat(owner.sql("SELECT max(size) FROM checkpoint").query(Long.class).single()).isEqualTo(signed);
			assertThat(service.http().health("checkpoints")).isEqualTo("DOWN");
		}
		finally {
			owner.sql("UPDATE checkpoint SET root = ? WHERE size = ?").params(root, signed).update();
		}
		assertThat(Checkpoint.parse(SignedNote.open(checkpoints.signLatest(), checkpoints.verifierKey())).size())
			.isGreaterThan(signed);
		assertThat(service.http().health("checkpoints")).isEqualTo("UP");
	}

	private Checkpoint latest(SignedNote.VerifierKey key) throws SignedNote.InvalidSignature {
		var response = auditor.get("/api/audit-checkpoints/latest");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Content-Type")).startsWith("text/plain");
		return Checkpoint.parse(SignedNote.open(response.body(), key));
	}

}
