package org.library.readinglist.web;

import java.util.Map;

import org.library.readinglist.ReadingListRefusals.BookNotInCatalog;
import org.library.readinglist.ReadingListRefusals.BookRemovedFromCatalog;
import org.library.readinglist.ReadingListRefusals.NotOnList;
import org.library.readinglist.ReadingListRefusals.ReadingListFull;
import org.library.platform.refusal.Refusal;
import org.library.platform.web.RefusalStatuses;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * How this service's refusals are answered over HTTP: the domain names what happened, the
 * web edge picks the status.
 */
@Component
class ReadingListStatuses implements RefusalStatuses {

	@Override
	public Map<Class<? extends Refusal>, HttpStatus> statuses() {
		return Map.of(BookNotInCatalog.class, HttpStatus.NOT_FOUND, BookRemovedFromCatalog.class, HttpStatus.CONFLICT,
				NotOnList.class, HttpStatus.NOT_FOUND, ReadingListFull.class, HttpStatus.CONFLICT);
	}

}
