package org.library.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.library.audit.Checkpoints;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Merkle log's signed checkpoints, for auditors: the latest one, and the key that
 * opens it. An auditor keeps both, so that a later checkpoint can be checked against an
 * earlier one, wherever it was seen.
 */
@RestController
@Tag(name = "Audit checkpoints",
		description = "The audit trail is a Merkle log (RFC 9162); its signed checkpoints (C2SP tlog-checkpoint, Ed25519) let an auditor prove it was not rewritten.")
@RequestMapping(path = "/api/audit-checkpoints", produces = MediaType.TEXT_PLAIN_VALUE)
class CheckpointsController {

	private final Checkpoints checkpoints;

	CheckpointsController(Checkpoints checkpoints) {
		this.checkpoints = checkpoints;
	}

	@Operation(operationId = "latestAuditCheckpoint", summary = "The latest signed checkpoint",
			description = "Auditors only. The log's origin, size and root hash, one per line, then a blank line and the Ed25519 signature line, as a C2SP signed note. Signed now if the log has grown since the last one.")
	@ApiResponse(responseCode = "200", description = "The checkpoint, as a signed note")
	@GetMapping("/latest")
	String latest() {
		return checkpoints.signLatest();
	}

	@Operation(operationId = "auditCheckpointKey", summary = "The key that opens the checkpoints",
			description = "Auditors only. The verifier key, <origin>+<key id>+<base64 key>, as Go's sumdb/note writes it. Keep it from a source you trust: a key read from the log it vouches for proves nothing.")
	@ApiResponse(responseCode = "200", description = "The verifier key")
	@GetMapping("/key")
	String key() {
		return checkpoints.verifierKey() + "\n";
	}

}
