package org.library.catalog;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With 100,000 books the catalog's searches are still index scans. The books are loaded inside a transaction
 * that is rolled back, so no other test sees them.
 */
@CatalogIntegrationTest
class SearchIndexTest {

	@Value("${spring.datasource.url}")
	String url;

	@Test
	void searchesAreServedByIndexesAt100kBooks() {
		var owner = new DriverManagerDataSource(url, "book_catalog_owner", "book_catalog_owner");
		JdbcClient jdbc = JdbcClient.create(owner);
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(owner));
		transaction.executeWithoutResult(status -> {
			jdbc.sql("""
					INSERT INTO book_catalog.book (id, isbn, title, authors, version, created_at, updated_at)
					SELECT gen_random_uuid(), '978' || lpad(n::text, 10, '0'), 'Title number ' || n,
					       ARRAY['Author ' || (n % 5000)], 0, now(), now()
					  FROM generate_series(1, 100000) AS n""").update();
			jdbc.sql("ANALYZE book_catalog.book").update();

			assertThat(plan(jdbc, "book_catalog.book_search_text(title, authors, isbn) LIKE '%number 4242%'"))
				.contains("book_search_trgm").doesNotContain("Seq Scan");
			assertThat(plan(jdbc, "book_catalog.book_authors_text(authors) LIKE '%author 4242%'"))
				.contains("book_authors_trgm").doesNotContain("Seq Scan");
			assertThat(plan(jdbc, "true")).contains("book_title_order").doesNotContain("Seq Scan");
			status.setRollbackOnly();
		});
	}

	private static String plan(JdbcClient jdbc, String condition) {
		List<String> lines = jdbc.sql("EXPLAIN SELECT * FROM book_catalog.book WHERE " + condition
				+ " ORDER BY lower(title), id LIMIT 20 OFFSET 0").query(String.class).list();
		return String.join("\n", lines);
	}

}
