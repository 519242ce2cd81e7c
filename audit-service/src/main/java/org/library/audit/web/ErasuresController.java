package org.library.audit.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.library.audit.AuditLog;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person's request to be forgotten: their name leaves the trail, and the trail's proofs
 * stay whole, because its leaves only ever held salted hashes of it.
 */
@RestController
@Tag(name = "Audit erasures",
		description = "Erase a person's name from the audit trail. The trail keeps salted hashes of names, so every proof and checkpoint still verifies.")
@RequestMapping(path = "/api/audit-erasures", produces = MediaType.APPLICATION_JSON_VALUE)
class ErasuresController {

	private final AuditLog log;

	ErasuresController(AuditLog log) {
		this.log = log;
	}

	@Operation(operationId = "eraseName", summary = "Erase a person's name from the trail",
			description = "Auditors only. Deletes every occurrence of the name, as actor or as a reader in the details, with its salt. The events stay, and show erased where the name was; their leaves, and so every proof and checkpoint, do not change. Erasing a name that is not in the trail erases nothing, and is not an error.")
	@ApiResponse(responseCode = "200", description = "The name is erased; how many occurrences were")
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	Erasure erase(@Valid @RequestBody ErasureRequest request) {
		return new Erasure(request.name(), log.erase(request.name()));
	}

	/** Whose name to erase: a reader's username, as the trail names them. */
	record ErasureRequest(@NotBlank @Size(max = 200) String name) {
	}

	/** The name erased, and how many of its occurrences the trail held. */
	record Erasure(String name, int erased) {
	}

}
