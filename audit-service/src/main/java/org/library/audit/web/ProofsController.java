package org.library.audit.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.library.audit.MerkleLog;
import org.library.verifier.PersonalName;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What an auditor checks the trail with, against the checkpoints they kept: an event's
 * inclusion proof, the consistency proof between two tree sizes, and the trail itself,
 * page by page, as the leaves the tree hashes. Hashes are base64, as in the checkpoints.
 */
@RestController
@Tag(name = "Audit proofs",
		description = "RFC 9162 inclusion and consistency proofs of the audit log, and its leaves, for auditors to check against signed checkpoints.")
@RequestMapping(path = "/api/audit-proofs", produces = MediaType.APPLICATION_JSON_VALUE)
class ProofsController {

	private final MerkleLog tree;

	ProofsController(MerkleLog tree) {
		this.tree = tree;
	}

	@Operation(operationId = "auditInclusionProof", summary = "Prove an event is in the log",
			description = "Auditors only. The event's place, its leaf hash and the hashes from it to the root of the tree of treeSize events (by default the latest), at most log2 n of them.")
	@ApiResponse(responseCode = "200", description = "The event's place and the proof")
	@GetMapping("/inclusion")
	InclusionProof inclusion(@RequestParam UUID id, @RequestParam(required = false) @Min(1) Long treeSize) {
		MerkleLog.Inclusion inclusion = tree.inclusion(id, treeSize);
		return new InclusionProof(inclusion.index(), inclusion.treeSize(), base64(inclusion.leafHash()),
				inclusion.proof().stream().map(ProofsController::base64).toList());
	}

	@Operation(operationId = "auditConsistencyProof", summary = "Prove one tree is where another began",
			description = "Auditors only. The hashes that show the log's tree of from events is the beginning of its tree of to events: nothing in it was changed, removed or reordered since.")
	@ApiResponse(responseCode = "200", description = "The proof")
	@GetMapping("/consistency")
	ConsistencyProof consistency(@RequestParam @Min(1) long from, @RequestParam @Min(1) long to) {
		return new ConsistencyProof(from, to,
				tree.consistency(from, to).stream().map(ProofsController::base64).toList());
	}

	@Operation(operationId = "auditLeaves", summary = "Read the log's leaves",
			description = "Auditors only. The events at places from to from + limit - 1, each with its place and as the RFC 8785 canonical JSON its leaf hash is taken of: SHA-256(0x00 || the text's UTF-8). Where the event names a person (its actor, a reader in its details) the leaf holds a salted hash, sha256: and the base64 of SHA-256(salt || the name's UTF-8), and names gives each name and its salt, unless it was erased. A place without an event has none. Pages go on to the last event stored, which is the log's last place unless the trail was tampered with. next is where the following page starts, or null at the end of the trail.")
	@ApiResponse(responseCode = "200", description = "A page of leaves")
	@GetMapping("/leaves")
	Leaves leaves(@RequestParam(defaultValue = "0") @Min(0) long from,
			@RequestParam(defaultValue = "1000") @Min(1) @Max(10_000) int limit) {
		// as far as the trail goes, which a tampered trail may go beyond its tree: the
		// auditor judges what is there
		Page page = Page.of(from, limit, tree.extent());
		Map<Long, List<PersonalName>> names = tree.names(from, page.to());
		List<Leaf> leaves = tree.entries(from, page.to())
			.stream()
			.map(entry -> new Leaf(entry.index(), new String(entry.leaf(), StandardCharsets.UTF_8),
					names.getOrDefault(entry.index(), List.of())
						.stream()
						.map(name -> new Name(name.field(), name.name(), base64(name.salt())))
						.toList()))
			.toList();
		return new Leaves(from, tree.size(), leaves, page.next());
	}

	@Operation(operationId = "auditLeafHashes", summary = "Read the log's stored leaf hashes",
			description = "Auditors only. The leaf hashes the log's tree holds for places from to from + limit - 1, base64. They are to be trusted only when they make the root of a signed checkpoint; then each leaf found can be told intact, moved, edited, inserted or deleted.")
	@ApiResponse(responseCode = "200", description = "A page of stored leaf hashes")
	@GetMapping("/leaf-hashes")
	LeafHashes leafHashes(@RequestParam(defaultValue = "0") @Min(0) long from,
			@RequestParam(defaultValue = "1000") @Min(1) @Max(10_000) int limit) {
		Page page = Page.of(from, limit, tree.size());
		return new LeafHashes(from, page.logSize(),
				tree.leafHashes(from, page.to()).stream().map(ProofsController::base64).toList(), page.next());
	}

	/**
	 * Places {@code [from, to)} of a log of {@code logSize}, and where the next page
	 * starts.
	 */
	private record Page(long to, long logSize, Long next) {

		static Page of(long from, int limit, long logSize) {
			// from beyond the end is an empty page; from + limit cannot overflow below it
			long to = from >= logSize ? from : Math.min(logSize, from + limit);
			return new Page(to, logSize, to < logSize ? to : null);
		}

	}

	private static String base64(byte[] hash) {
		return Base64.getEncoder().encodeToString(hash);
	}

	/**
	 * An event's place in the tree of treeSize, its leaf hash, and the path to the root.
	 */
	record InclusionProof(long index, long treeSize, String leafHash, List<String> proof) {
	}

	/** The proof that the tree of from events is the beginning of the tree of to. */
	record ConsistencyProof(long from, long to, List<String> proof) {
	}

	/**
	 * A page of the log: its leaves from place from, the log's size, and where the next
	 * page starts.
	 */
	record Leaves(long from, long logSize, List<Leaf> leaves, Long next) {
	}

	/**
	 * An event at its place, as its leaf's canonical text, and the names its salted
	 * hashes are of, save the erased.
	 */
	record Leaf(long place, String leaf, List<Name> names) {
	}

	/**
	 * A person's name, where the leaf holds {@code sha256:} and the base64 of
	 * SHA-256(salt || name), and the salt, base64.
	 */
	record Name(String field, String name, String salt) {
	}

	/** A page of the stored leaf hashes, from place from. */
	record LeafHashes(long from, long logSize, List<String> hashes, Long next) {
	}

}
