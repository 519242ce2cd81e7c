package org.library.audit.web;

import java.time.Instant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.library.audit.AuditLog;
import org.library.audit.AuditPage;
import org.library.audit.AuditQuery;
import org.library.contracts.audit.AuditEvent;
import org.library.platform.web.InvalidRequest;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reads the trail. There is deliberately no way to write it over HTTP: no rule allows it,
 * and no handler exists.
 */
@RestController
@Tag(name = "Audit trail",
		description = "Every change any service made, each once, newest first. Auditors read it; nobody writes it over HTTP.")
@RequestMapping(path = "/api/audit-events", produces = MediaType.APPLICATION_JSON_VALUE)
class AuditEventsController {

	private final AuditLog log;

	AuditEventsController(AuditLog log) {
		this.log = log;
	}

	@Operation(operationId = "findAuditEvents", summary = "Read the audit trail",
			description = "Auditors only. Events newest first, filtered by any of source, action, entityType, entityId, actor, traceId (every event of one request, across services) and a time range, limit at a time; nextCursor continues a walk without gaps or repeats.")
	@ApiResponse(responseCode = "200", description = "A page of events, and the cursor of the next")
	@GetMapping
	AuditEventsPage find(@RequestParam(required = false) @Size(min = 1, max = 200) String source,
			@RequestParam(required = false) @Size(min = 1, max = 200) String action,
			@RequestParam(required = false) @Size(min = 1, max = 200) String entityType,
			@RequestParam(required = false) @Size(min = 1, max = 200) String entityId,
			@RequestParam(required = false) @Size(min = 1, max = 200) String actor,
			@RequestParam(required = false) @Pattern(regexp = AuditEvent.TRACE_ID_FORMAT,
					message = "must be a W3C trace id: 32 lowercase hex digits") String traceId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
			@RequestParam(required = false) @Size(max = 100) String cursor) {
		checkInRange("from", from);
		checkInRange("to", to);
		if (from != null && to != null && !from.isBefore(to)) {
			throw new InvalidRequest("to", "must be after from");
		}
		AuditPage page = log.find(new AuditQuery(source, action, entityType, entityId, actor, traceId, from, to, limit,
				Cursor.decode(cursor)));
		return new AuditEventsPage(page.items(), Cursor.encode(page.next()));
	}

	/**
	 * Years 1 to 9999: what ISO-8601 and the trail's timestamps hold without surprises.
	 */
	static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

	static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

	private static void checkInRange(String parameter, Instant instant) {
		if (instant != null && (instant.isBefore(EARLIEST) || instant.isAfter(LATEST))) {
			throw new InvalidRequest(parameter, "must be between " + EARLIEST + " and " + LATEST);
		}
	}

}
