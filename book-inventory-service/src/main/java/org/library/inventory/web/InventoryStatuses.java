package org.library.inventory.web;

import java.util.Map;

import org.library.inventory.InventoryRefusals.BookNotKnown;
import org.library.inventory.InventoryRefusals.CirculationConflict;
import org.library.inventory.InventoryRefusals.HoldNotKnown;
import org.library.inventory.InventoryRefusals.LoanNotKnown;
import org.library.inventory.InventoryRefusals.NoReaderNamed;
import org.library.inventory.InventoryRefusals.NotYours;
import org.library.inventory.InventoryRefusals.StockConflict;
import org.library.platform.refusal.Refusal;
import org.library.platform.web.RefusalStatuses;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * How this service's refusals are answered over HTTP: the domain names what happened, the
 * web edge picks the status.
 */
@Component
class InventoryStatuses implements RefusalStatuses {

	@Override
	public Map<Class<? extends Refusal>, HttpStatus> statuses() {
		// every refusal about a book's copies, loans and holds is a conflict with their
		// state
		return Map.of(BookNotKnown.class, HttpStatus.NOT_FOUND, LoanNotKnown.class, HttpStatus.NOT_FOUND,
				HoldNotKnown.class, HttpStatus.NOT_FOUND, StockConflict.class, HttpStatus.CONFLICT,
				CirculationConflict.class, HttpStatus.CONFLICT, NotYours.class, HttpStatus.FORBIDDEN,
				NoReaderNamed.class, HttpStatus.BAD_REQUEST);
	}

}
