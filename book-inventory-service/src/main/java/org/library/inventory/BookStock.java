package org.library.inventory;

import java.util.UUID;

/**
 * The copies of one book: what the REST API answers.
 */
public record BookStock(UUID bookId, int totalCopies, int availableCopies, int onLoan, StockStatus status) {
}
