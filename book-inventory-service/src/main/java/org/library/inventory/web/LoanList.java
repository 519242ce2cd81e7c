package org.library.inventory.web;

import java.util.List;

import org.library.inventory.Loan;

/** Loans, in the order the operation gives. */
record LoanList(List<Loan> loans) {
}
