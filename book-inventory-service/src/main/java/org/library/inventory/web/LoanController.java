package org.library.inventory.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.library.inventory.Circulation;
import org.library.inventory.Loan;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Loans",
		description = "A copy lent to a reader: due date, renewals, return. A loan is its borrower's and the librarians'; nobody else may see or touch it.")
@RequestMapping(path = "/api/loans", produces = MediaType.APPLICATION_JSON_VALUE)
class LoanController {

	private final Circulation circulation;

	LoanController(Circulation circulation) {
		this.circulation = circulation;
	}

	@Operation(operationId = "getReaderLoans", summary = "See a reader's loans",
			description = "A reader sees her own (reader left out, or her own name); a librarian anyone's. The open loans, the soonest due first, each with overdue set once its due date has passed.")
	@ApiResponse(responseCode = "200", description = "The reader's open loans")
	@ApiResponse(responseCode = "400", description = "The reader is not a username")
	@ApiResponse(responseCode = "403", description = "A reader asked for another reader's loans")
	@GetMapping
	LoanList loans(
			@Parameter(description = "Whose loans: a username; the caller's own when left out") @RequestParam(
					required = false) @Pattern(regexp = Readers.NAME, message = Readers.NAME_MESSAGE) String reader,
			Authentication caller) {
		return new LoanList(circulation.loansOf(reader, Readers.requester(caller)));
	}

	@Operation(operationId = "getOverdueLoans", summary = "See overdue loans",
			description = "Librarians only. Open loans past their due date, the longest overdue first.")
	@ApiResponse(responseCode = "200", description = "The overdue loans, at most limit")
	@ApiResponse(responseCode = "400", description = "limit is not 1 to 500")
	@GetMapping("/overdue")
	LoanList overdue(@RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
		return new LoanList(circulation.overdue(limit));
	}

	@Operation(operationId = "getLoan", summary = "See a loan", description = "Its borrower and librarians only.")
	@ApiResponse(responseCode = "200", description = "The loan")
	@ApiResponse(responseCode = "403", description = "The loan is another reader's")
	@ApiResponse(responseCode = "404", description = "There is no such loan")
	@GetMapping("/{loanId}")
	Loan loan(@PathVariable UUID loanId, Authentication caller) {
		return circulation.loan(loanId, Readers.requester(caller));
	}

	@Operation(operationId = "returnLoan", summary = "Return a loan",
			description = "Its borrower or a librarian. Ends the loan, withdrawn books included. The copy goes to the first reader in the book's queue, set aside for her pickup window, or back to the shelf when nobody waits.")
	@ApiResponse(responseCode = "200", description = "Returned: the loan, with returnedAt")
	@ApiResponse(responseCode = "403", description = "The loan is another reader's")
	@ApiResponse(responseCode = "404", description = "There is no such loan")
	@ApiResponse(responseCode = "409", description = "The loan was returned already")
	@PostMapping("/{loanId}/return")
	Loan giveBack(@PathVariable UUID loanId, Authentication caller) {
		return circulation.giveBack(loanId, Readers.requester(caller));
	}

	@Operation(operationId = "renewLoan", summary = "Renew a loan",
			description = "Its borrower or a librarian. The loan is due a loan period from now (never earlier than it was). At most 2 renewals by default, and none while another reader holds the book.")
	@ApiResponse(responseCode = "200", description = "Renewed: the loan with its new due date")
	@ApiResponse(responseCode = "403", description = "The loan is another reader's")
	@ApiResponse(responseCode = "404", description = "There is no such loan")
	@ApiResponse(responseCode = "409",
			description = "The loan was returned, was renewed as often as it may be, or another reader holds the book")
	@PostMapping("/{loanId}/renewal")
	Loan renew(@PathVariable UUID loanId, Authentication caller) {
		return circulation.renew(loanId, Readers.requester(caller));
	}

}
