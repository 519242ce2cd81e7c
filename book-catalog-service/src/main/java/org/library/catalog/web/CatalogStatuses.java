package org.library.catalog.web;

import java.util.Map;

import org.library.catalog.CatalogRefusals.BookNotFound;
import org.library.catalog.CatalogRefusals.DuplicateIsbn;
import org.library.catalog.CatalogRefusals.StaleBookVersion;
import org.library.platform.refusal.Refusal;
import org.library.platform.web.RefusalStatuses;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * How this service's refusals are answered over HTTP: the domain names what happened, the
 * web edge picks the status.
 */
@Component
class CatalogStatuses implements RefusalStatuses {

	@Override
	public Map<Class<? extends Refusal>, HttpStatus> statuses() {
		return Map.of(BookNotFound.class, HttpStatus.NOT_FOUND, DuplicateIsbn.class, HttpStatus.CONFLICT,
				StaleBookVersion.class, HttpStatus.PRECONDITION_FAILED);
	}

}
