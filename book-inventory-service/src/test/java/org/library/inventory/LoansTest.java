package org.library.inventory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.library.testsupport.Caller;
import org.library.testsupport.CatalogTopicFeed;
import org.library.testsupport.Contracts;
import org.library.testsupport.Http;
import org.library.testsupport.Http.Response;
import org.library.testsupport.LibraryServiceTest;
import org.library.testsupport.ServiceUnderTest;
import org.library.testsupport.TopicRecords;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Loans with real tokens: who may lend, return and renew, and the library's rules (loan
 * period, limits, renewals, overdue, retention), with the service's clock moved rather
 * than waited for.
 */
@LibraryServiceTest
class LoansTest {

	private static final Duration LOAN_PERIOD = Duration.ofDays(21);

	private final ServiceUnderTest service;

	private final Desk desk;

	private final Http ada;

	private final Http alan;

	private final CatalogTopicFeed catalog;

	private final MovableClock clock;

	private final CirculationSweep sweep;

	LoansTest(ServiceUnderTest service, CatalogTopicFeed catalog, @Autowired MovableClock clock,
			@Autowired CirculationSweep sweep) {
		this.service = service;
		this.desk = new Desk(service.http(), catalog);
		this.ada = service.http().as(Caller.ADA);
		this.alan = service.http().as(Caller.ALAN);
		this.catalog = catalog;
		this.clock = clock;
		this.sweep = sweep;
	}

	@AfterEach
	void demoReadersReturnEverything() {
		desk.closeEverythingOf(Caller.ADA);
		desk.closeEverythingOf(Caller.ALAN);
	}

	@Test
	void aReaderBorrowsForHerselfAndSeesHerLoanWithItsDueDate() {
		UUID book = desk.bookWithCopies(2);

		Response lent = ada.post("/api/inventory/" + book + "/loans");

		assertThat(lent.status()).as(lent.body()).isEqualTo(201);
		JsonNode loan = lent.json();
		assertThat(lent.header("Location")).isEqualTo("/api/loans/" + loan.get("id").asString());
		assertThat(loan.get("bookId").asString()).isEqualTo(book.toString());
		assertThat(loan.get("reader").asString()).isEqualTo("ada");
		assertThat(loan.get("lentBy").asString()).isEqualTo("ada");
		assertThat(loan.get("renewals").asInt()).isZero();
		assertThat(loan.get("overdue").asBoolean()).isFalse();
		assertThat(loan.get("returnedAt").isNull()).isTrue();
		assertThat(Duration.between(Instant.parse(loan.get("lentAt").asString()),
				Instant.parse(loan.get("dueAt").asString())))
			.isEqualTo(LOAN_PERIOD);
		assertThat(ada.get("/api/loans").json().get("loans")).extracting(mine -> mine.get("id").asString())
			.containsExactly(loan.get("id").asString());
		assertThat(ada.get("/api/loans/" + loan.get("id").asString()).status()).isEqualTo(200);
		assertThat(desk.stock(book).get("onLoan").asInt()).isEqualTo(1);
		assertThat(desk.stock(book).get("availableCopies").asInt()).isEqualTo(1);
	}

	@Test
	void aReaderBorrowsOnlyForHerselfAndALibrarianNamesTheReader() {
		UUID book = desk.bookWithCopies(3);

		Response forAnother = ada.post("/api/inventory/" + book + "/loans", "{\"reader\":\"alan\"}");
		Response nobodyNamed = desk.librarian.post("/api/inventory/" + book + "/loans");
		Response notAName = desk.librarian.post("/api/inventory/" + book + "/loans", "{\"reader\":\"a b\"}");
		Response unknownField = desk.librarian.post("/api/inventory/" + book + "/loans", "{\"borrower\":\"alan\"}");

		assertThat(forAnother.status()).isEqualTo(403);
		assertThat(forAnother.json().get("type").asString())
			.isEqualTo("urn:library:problem:readers-act-for-themselves");
		assertThat(nobodyNamed.status()).isEqualTo(400);
		assertThat(nobodyNamed.json().get("type").asString()).isEqualTo("urn:library:problem:reader-required");
		assertThat(notAName.status()).isEqualTo(400);
		assertThat(notAName.body()).contains("reader");
		assertThat(unknownField.status()).isEqualTo(400);
		assertThat(desk.stock(book).get("onLoan").asInt()).isZero();

		assertThat(ada.post("/api/inventory/" + book + "/loans", "{\"reader\":\"ada\"}").status()).isEqualTo(201);
		JsonNode toAlan = desk.lend(book, "alan").json();
		assertThat(toAlan.get("reader").asString()).isEqualTo("alan");
		assertThat(toAlan.get("lentBy").asString()).isEqualTo("librarian");
		assertThat(desk.stock(book).get("onLoan").asInt()).isEqualTo(2);
	}

	@Test
	void aLoanIsReturnedByItsBorrowerOrALibrarianAndByNobodyElse() {
		UUID book = desk.bookWithCopies(2);
		UUID adas = desk.lent(book, "ada");

		assertThat(alan.post("/api/loans/" + adas + "/return").status()).isEqualTo(403);
		assertThat(alan.post("/api/loans/" + adas + "/renewal").status()).isEqualTo(403);
		assertThat(alan.get("/api/loans/" + adas).status()).isEqualTo(403);
		assertThat(alan.get("/api/loans?reader=ada").status()).isEqualTo(403);
		assertThat(service.http().as(Caller.AUDITOR).post("/api/loans/" + adas + "/return").status()).isEqualTo(403);
		assertThat(service.http().post("/api/loans/" + adas + "/return").status()).isEqualTo(401);
		assertThat(desk.stock(book).get("onLoan").asInt()).isEqualTo(1);

		Response returned = ada.post("/api/loans/" + adas + "/return");
		assertThat(returned.status()).isEqualTo(200);
		assertThat(returned.json().get("returnedBy").asString()).isEqualTo("ada");
		assertThat(returned.json().get("returnedAt").isNull()).isFalse();
		Response again = ada.post("/api/loans/" + adas + "/return");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("type").asString()).isEqualTo("urn:library:problem:loan-already-returned");
		assertThat(desk.stock(book).get("availableCopies").asInt()).isEqualTo(2);

		UUID alans = desk.lent(book, "alan");
		assertThat(desk.giveBack(alans).json().get("returnedBy").asString()).isEqualTo("librarian");
		assertThat(desk.librarian.post("/api/loans/" + UUID.randomUUID() + "/return").status()).isEqualTo(404);
		assertThat(desk.stock(book).get("onLoan").asInt()).isZero();
	}

	@Test
	void aReaderHasAtMostFiveLoansAndOneOfEachBook() {
		String reader = Desk.newReader();
		List<UUID> books = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			books.add(desk.bookWithCopies(2));
		}
		List<UUID> loans = new ArrayList<>();
		for (UUID book : books.subList(0, 5)) {
			loans.add(desk.lent(book, reader));
		}

		Response sixth = desk.lend(books.get(5), reader);
		Response secondCopy = desk.lend(books.get(0), reader);

		assertThat(sixth.status()).isEqualTo(409);
		assertThat(sixth.json().get("type").asString()).isEqualTo("urn:library:problem:loan-limit-reached");
		assertThat(sixth.json().get("maxOpenLoans").asInt()).isEqualTo(5);
		assertThat(secondCopy.status()).isEqualTo(409);
		assertThat(secondCopy.json().get("type").asString()).isEqualTo("urn:library:problem:already-borrowed");
		assertThat(desk.stock(books.get(5)).get("onLoan").asInt()).isZero();
		assertThat(desk.stock(books.get(0)).get("onLoan").asInt()).isEqualTo(1);

		desk.giveBack(loans.getFirst());
		assertThat(desk.lend(books.get(5), reader).status()).isEqualTo(201);
		assertThat(desk.librarian.get("/api/loans?reader=" + reader).json().get("loans")).hasSize(5);
	}

	@Test
	void aLoanIsRenewedAtMostTwiceAndNeverWhileAnotherReaderHoldsTheBook() {
		UUID book = desk.bookWithCopies(1);
		UUID loan = desk.lent(book, "ada");
		Instant due = Instant.parse(ada.get("/api/loans/" + loan).json().get("dueAt").asString());

		clock.advance(Duration.ofDays(2));
		JsonNode once = ada.post("/api/loans/" + loan + "/renewal").json();
		JsonNode twice = ada.post("/api/loans/" + loan + "/renewal").json();
		Response thrice = ada.post("/api/loans/" + loan + "/renewal");

		assertThat(once.get("renewals").asInt()).isEqualTo(1);
		assertThat(Instant.parse(once.get("dueAt").asString())).isAfter(due);
		assertThat(Duration.between(clock.instant(), Instant.parse(once.get("dueAt").asString())))
			.isBetween(LOAN_PERIOD.minusMinutes(1), LOAN_PERIOD);
		assertThat(twice.get("renewals").asInt()).isEqualTo(2);
		assertThat(thrice.status()).isEqualTo(409);
		assertThat(thrice.json().get("type").asString()).isEqualTo("urn:library:problem:renewal-limit-reached");

		UUID other = desk.bookWithCopies(1);
		UUID alans = desk.lent(other, "alan");
		desk.held(other, Desk.newReader());
		Response held = alan.post("/api/loans/" + alans + "/renewal");
		assertThat(held.status()).isEqualTo(409);
		assertThat(held.json().get("type").asString()).isEqualTo("urn:library:problem:book-held");
		assertThat(alan.get("/api/loans/" + alans).json().get("renewals").asInt()).isZero();
	}

	@Test
	void anOverdueLoanIsMarkedAndItsReaderCannotBorrowUntilItIsBack() {
		String reader = Desk.newReader();
		UUID book = desk.bookWithCopies(1);
		UUID another = desk.bookWithCopies(1);
		UUID loan = desk.lent(book, reader);

		clock.advance(LOAN_PERIOD.plusHours(1));

		assertThat(desk.librarian.get("/api/loans/" + loan).json().get("overdue").asBoolean()).isTrue();
		assertThat(desk.librarian.get("/api/loans/overdue?limit=500").json().get("loans"))
			.extracting(overdue -> overdue.get("id").asString())
			.contains(loan.toString());
		assertThat(ada.get("/api/loans/overdue").status()).isEqualTo(403);
		assertThat(desk.librarian.get("/api/loans/overdue?limit=501").status()).isEqualTo(400);
		Response refused = desk.lend(another, reader);
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("type").asString()).isEqualTo("urn:library:problem:overdue-loans");
		assertThat(desk.stock(another).get("availableCopies").asInt()).isEqualTo(1);

		desk.giveBack(loan);
		assertThat(desk.lend(another, reader).status()).isEqualTo(201);
		assertThat(desk.librarian.get("/api/loans/overdue?limit=500").json().get("loans"))
			.extracting(overdue -> overdue.get("id").asString())
			.doesNotContain(loan.toString());
	}

	@Test
	void aWithdrawnBookIsLentNoMoreButItsCopiesStillComeBack() {
		UUID book = desk.bookWithCopies(2);
		UUID loan = desk.lent(book, Desk.newReader());
		catalog.tombstone(book, "librarian");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> "WITHDRAWN".equals(desk.stock(book).get("status").asString()));

		Response refused = desk.lend(book, Desk.newReader());

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("type").asString()).isEqualTo("urn:library:problem:book-withdrawn");
		// the stock as it was, beside the problem's own status, not in its place
		assertThat(refused.body()).containsOnlyOnce("\"status\":");
		assertThat(refused.json().get("status").asInt()).isEqualTo(409);
		assertThat(refused.json().get("bookStatus").asString()).isEqualTo("WITHDRAWN");
		assertThat(desk.giveBack(loan).status()).isEqualTo(200);
		assertThat(desk.stock(book).get("availableCopies").asInt()).isEqualTo(2);
	}

	@Test
	void aReturnedLoanForgetsItsReaderAfterTheRetentionPeriod() {
		UUID book = desk.bookWithCopies(2);
		JsonNode returned = ada.post("/api/loans/" + desk.lent(book, "ada") + "/return").json();
		UUID stillOut = desk.lent(book, Desk.newReader());
		sweep.sweep();
		assertThat(desk.librarian.get("/api/loans/" + returned.get("id").asString()).json().get("reader").asString())
			.isEqualTo("ada");

		clock.advance(Duration.ofDays(31));
		sweep.sweep();

		JsonNode forgotten = desk.librarian.get("/api/loans/" + returned.get("id").asString()).json();
		assertThat(forgotten.get("reader").isNull()).isTrue();
		assertThat(forgotten.get("returnedBy").isNull()).isTrue();
		assertThat(forgotten.get("lentBy").asString()).isEqualTo("librarian");
		assertThat(ada.get("/api/loans/" + returned.get("id").asString()).status()).isEqualTo(403);
		assertThat(desk.librarian.get("/api/loans/" + stillOut).json().get("reader").isNull()).isFalse();
		desk.giveBack(stillOut);
	}

	@Test
	void everyLoanChangeIsAnAuditEventNamingItsReader() {
		UUID book = desk.bookWithCopies(1);
		String loan = ada.post("/api/inventory/" + book + "/loans").json().get("id").asString();
		ada.post("/api/loans/" + loan + "/renewal");
		ada.post("/api/loans/" + loan + "/return");

		List<ConsumerRecord<String, String>> records = TopicRecords.awaitRecords(service.bootstrapServers(),
				"library.audit.book-inventory-service", book.toString(), 4);

		List<JsonNode> events = records.stream()
			.skip(1) // CopiesAdded
			.map(record -> Http.JSON.readTree(record.value()))
			.toList();
		assertThat(events).extracting(event -> event.get("action").asString())
			.containsExactly("LoanOpened", "LoanRenewed", "LoanReturned");
		assertThat(events).allSatisfy(event -> {
			assertThat(event.get("actor").asString()).isEqualTo("ada");
			assertThat(event.get("entityType").asString()).isEqualTo("Book");
			assertThat(event.get("details").get("reader").asString()).isEqualTo("ada");
			assertThat(event.get("details").get("loanId").asString()).isEqualTo(loan);
		});
		assertThat(events.getFirst().get("details").get("availableCopies").asInt()).isZero();
		assertThat(events.get(1).get("details").get("renewals").asInt()).isEqualTo(1);
		assertThat(events.getLast().get("details").get("availableCopies").asInt()).isEqualTo(1);
		assertThat(records)
			.allSatisfy(record -> assertThat(Contracts.violations(Contracts.AUDIT_EVENT, record.value())).isEmpty());
	}

}
