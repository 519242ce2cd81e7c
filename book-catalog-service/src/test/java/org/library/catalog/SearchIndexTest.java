package org.library.catalog;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.library.testsupport.ServiceUnderTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With 100,000 books the catalog's own search statements are still served by indexes. The
 * books are loaded inside a transaction that is rolled back, so no other test sees them.
 */
@CatalogIntegrationTest
class SearchIndexTest {

	@Autowired
	BookSearch search;

	private final ServiceUnderTest service;

	SearchIndexTest(ServiceUnderTest service) {
		this.service = service;
	}

	@Test
	void searchesAreServedByIndexesAt100kBooks() {
		var owner = new DriverManagerDataSource(service.jdbcUrl(), "book_catalog_owner", "book_catalog_owner");
		JdbcClient jdbc = JdbcClient.create(owner);
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(owner));
		transaction.executeWithoutResult(status -> {
			jdbc.sql("""
					INSERT INTO book_catalog.book (id, isbn, title, authors, version, created_at, updated_at)
					SELECT gen_random_uuid(), '978' || lpad(n::text, 10, '0'), 'Title number ' || n,
					       ARRAY['Author ' || (n % 5000)], 0, now(), now()
					  FROM generate_series(1, 100000) AS n""").update();
			jdbc.sql("ANALYZE book_catalog.book").update();

			BookQuery byText = new BookQuery("number 4242", null, 0, 20);
			assertThat(plan(jdbc, search.pageQuery(byText))).contains("book_search_trgm").doesNotContain("Seq Scan");
			assertThat(plan(jdbc, search.countQuery(byText))).contains("book_search_trgm").doesNotContain("Seq Scan");
			BookQuery byAuthor = new BookQuery(null, "author 4242", 3, 20);
			assertThat(plan(jdbc, search.pageQuery(byAuthor))).contains("book_authors_trgm").doesNotContain("Seq Scan");
			assertThat(plan(jdbc, search.pageQuery(new BookQuery(null, null, 10, 20)))).contains("book_title_order")
				.doesNotContain("Seq Scan");
			status.setRollbackOnly();
		});
	}

	private static String plan(JdbcClient jdbc, BookSearch.Sql sql) {
		List<String> lines = jdbc.sql("EXPLAIN " + sql.text()).params(sql.params()).query(String.class).list();
		return String.join("\n", lines);
	}

}
