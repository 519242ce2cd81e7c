package org.library.benchmarks;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a team would build without the suite: a Spring Boot app as start.spring.io makes
 * it (webmvc, jdbc, the Postgres driver, virtual threads; no security, tracing, metrics,
 * validation or audit relay), serving the compared works with the same statements
 * ({@link Statements}) on the same tables. The benchmark starts it in a JVM of its own,
 * next to the stack, with the JVM options the stack gives its services.
 */
@SpringBootApplication(proxyBeanMethods = false)
public class PlainSpringBoot {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(PlainSpringBoot.class);
		application.setDefaultProperties(Map.of("spring.threads.virtual.enabled", "true"));
		application.run(args);
	}

	@RestController
	static class Works {

		private final DataSource dataSource;

		private final TransactionTemplate transactions;

		private final TransactionTemplate readOnly;

		Works(DataSource dataSource, TransactionTemplate transactions) {
			this.dataSource = dataSource;
			this.transactions = transactions;
			this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
			this.readOnly.setReadOnly(true);
		}

		@GetMapping("/api/books/{id}")
		ResponseEntity<Statements.Book> book(@PathVariable UUID id) throws SQLException {
			try (Connection connection = dataSource.getConnection()) {
				Optional<Statements.Book> book = Statements.book(connection, id);
				return ResponseEntity.of(book);
			}
		}

		@GetMapping("/api/books")
		Statements.Page search(@RequestParam String q) {
			return readOnly.execute(status -> inTransaction(connection -> Statements.search(connection, q)));
		}

		record LendRequest(String reader) {
		}

		@PostMapping("/api/inventory/{bookId}/loans")
		ResponseEntity<Statements.Loan> lend(@PathVariable UUID bookId, @RequestBody LendRequest request) {
			Optional<Statements.Loan> loan = transactions
				.execute(status -> inTransaction(connection -> Statements.lend(connection, bookId, request.reader())));
			return loan.map(lent -> ResponseEntity.created(URI.create("/api/loans/" + lent.id())).body(lent))
				.orElseGet(() -> ResponseEntity.status(409).build());
		}

		@PutMapping("/api/readers/{reader}/reading-list/{bookId}")
		ResponseEntity<Statements.ListItem> add(@PathVariable String reader, @PathVariable UUID bookId) {
			Optional<Statements.ListItem> item = transactions
				.execute(status -> inTransaction(connection -> Statements.readingListAdd(connection, reader, bookId)));
			return ResponseEntity.of(item);
		}

		/** The statements on the connection of Spring's transaction. */
		private <T> T inTransaction(Work<T> work) {
			Connection connection = DataSourceUtils.getConnection(dataSource);
			try {
				return work.run(connection);
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
			finally {
				DataSourceUtils.releaseConnection(connection, dataSource);
			}
		}

		private interface Work<T> {

			T run(Connection connection) throws SQLException;

		}

	}

}
