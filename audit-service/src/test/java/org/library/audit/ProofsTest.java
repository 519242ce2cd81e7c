package org.library.audit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.library.testsupport.Caller;
import org.library.testsupport.Http;
import org.library.testsupport.LibraryServiceTest;
import org.library.testsupport.ServiceUnderTest;
import org.library.verifier.Checkpoint;
import org.library.verifier.Merkle;
import org.library.verifier.SignedNote;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an auditor checks the trail with, over the API and against signed checkpoints
 * only: an event's inclusion proof, the consistency proof between two checkpoints, and
 * the leaves, from which the root is computed again.
 */
@LibraryServiceTest
class ProofsTest {

	private final ServiceUnderTest service;

	private final Http auditor;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MerkleLog tree;

	ProofsTest(ServiceUnderTest service) {
		this.service = service;
		this.auditor = service.http().as(Caller.AUDITOR);
	}

	@Test
	void anAuditorProvesAnEventAndTheGrowthOfTheLogFromCheckpointsAlone() throws Exception {
		SignedNote.VerifierKey key = SignedNote.VerifierKey.parse(auditor.get("/api/audit-checkpoints/key").body());
		UUID event = LogAppends.append(service, jdbc, tree, 4);
		Checkpoint first = Checkpoint.parse(SignedNote.open(auditor.get("/api/audit-checkpoints/latest").body(), key));
		LogAppends.append(service, jdbc, tree, 7);
		Checkpoint second = Checkpoint.parse(SignedNote.open(auditor.get("/api/audit-checkpoints/latest").body(), key));

		JsonNode inclusion = auditor.get("/api/audit-proofs/inclusion?id=" + event + "&treeSize=" + first.size())
			.json();
		long index = inclusion.get("index").asLong();
		List<byte[]> proof = hashes(inclusion.get("proof"));
		assertThat(proof).hasSizeLessThanOrEqualTo(64 - Long.numberOfLeadingZeros(first.size() - 1));
		Merkle.verifyInclusion(index, first.size(), hash(inclusion.get("leafHash")), proof, first.root());
		String leaf = auditor.get("/api/audit-proofs/leaves?from=" + index + "&limit=1")
			.json()
			.get("leaves")
			.get(0)
			.get("leaf")
			.asString();
		assertThat(Merkle.leafHash(leaf.getBytes(StandardCharsets.UTF_8))).isEqualTo(hash(inclusion.get("leafHash")));
		assertThat(leaf).contains("\"id\":\"" + event + "\"");

		JsonNode consistency = auditor
			.get("/api/audit-proofs/consistency?from=" + first.size() + "&to=" + second.size())
			.json();
		Merkle.verifyConsistency(first.size(), second.size(), hashes(consistency.get("proof")), first.root(),
				second.root());

		List<byte[]> leaves = new ArrayList<>();
		Long from = 0L;
		while (from != null && from < second.size()) {
			JsonNode page = auditor.get("/api/audit-proofs/leaves?from=" + from + "&limit=500").json();
			page.get("leaves")
				.forEach(entry -> leaves
					.add(Merkle.leafHash(entry.get("leaf").asString().getBytes(StandardCharsets.UTF_8))));
			from = page.get("next").isNull() ? null : page.get("next").asLong();
		}
		assertThat(Merkle.root(leaves.subList(0, (int) second.size()))).isEqualTo(second.root());
		JsonNode stored = auditor.get("/api/audit-proofs/leaf-hashes?from=" + index + "&limit=1").json();
		assertThat(hash(stored.get("hashes").get(0))).isEqualTo(hash(inclusion.get("leafHash")));
	}

	@Test
	void whatCannotBeProvedIsAProblemNamingWhy() {
		LogAppends.append(service, jdbc, tree, 1);
		long size = tree.size();
		var unknown = auditor.get("/api/audit-proofs/inclusion?id=" + UUID.randomUUID());
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.json().get("detail").asString()).contains("is not in the log's tree of " + size);
		var tooLarge = auditor.get("/api/audit-proofs/consistency?from=1&to=" + (size + 1000));
		assertThat(tooLarge.status()).isEqualTo(400);
		assertThat(tooLarge.header("Content-Type")).startsWith("application/problem+json");
		assertThat(auditor.get("/api/audit-proofs/consistency?from=5&to=2").status()).isEqualTo(400);
		assertThat(auditor.get("/api/audit-proofs/leaves?limit=0").status()).isEqualTo(400);
		assertThat(service.http().as(Caller.ADA).get("/api/audit-proofs/leaves").status()).isEqualTo(403);
	}

	private static byte[] hash(JsonNode base64) {
		return Base64.getDecoder().decode(base64.asString());
	}

	private static List<byte[]> hashes(JsonNode list) {
		List<byte[]> hashes = new ArrayList<>();
		list.forEach(hash -> hashes.add(hash(hash)));
		return hashes;
	}

}
