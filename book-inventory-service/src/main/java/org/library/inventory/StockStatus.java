package org.library.inventory;

/**
 * Whether a book can be lent: a book removed from the catalog is WITHDRAWN, and its
 * copies can only come back.
 */
public enum StockStatus {

	ACTIVE, WITHDRAWN

}
