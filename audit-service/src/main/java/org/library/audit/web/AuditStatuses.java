package org.library.audit.web;

import java.util.Map;

import org.library.audit.LogRefusals;
import org.library.platform.refusal.Refusal;
import org.library.platform.web.RefusalStatuses;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** How the log's refusals are answered over HTTP. */
@Component
class AuditStatuses implements RefusalStatuses {

	@Override
	public Map<Class<? extends Refusal>, HttpStatus> statuses() {
		return Map.of(LogRefusals.NotInTree.class, HttpStatus.NOT_FOUND, LogRefusals.NoSuchTree.class,
				HttpStatus.BAD_REQUEST);
	}

}
