package org.library.catalog;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.library.testsupport.ServiceUnderTest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With 100,000 books the catalog's own search statements are still served by indexes, and
 * a word in every book reads no more books than are ranked. The books are loaded inside a
 * transaction that is rolled back, so no other test sees them.
 */
@CatalogIntegrationTest
class SearchIndexTest {

	private static final Pattern SCANNED = Pattern.compile("Scan on book .*actual time=\\S+ rows=(\\d+)");

	private final ServiceUnderTest service;

	SearchIndexTest(ServiceUnderTest service) {
		this.service = service;
	}

	@Test
	void searchesAreServedByIndexesAndBoundedAt100kBooks() {
		var owner = new DriverManagerDataSource(service.jdbcUrl(), "book_catalog_owner", "book_catalog_owner");
		JdbcClient jdbc = JdbcClient.create(owner);
		BookSearch search = new BookSearch(jdbc);
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(owner));
		transaction.executeWithoutResult(status -> {
			jdbc.sql("""
					INSERT INTO book_catalog.book (id, isbn, title, authors, version, created_at, updated_at)
					SELECT gen_random_uuid(), '978' || lpad(n::text, 10, '0'), 'Title number ' || n,
					       ARRAY['Author ' || (n % 5000)], 0, now(), now()
					  FROM generate_series(1, 100000) AS n""").update();
			jdbc.sql("ANALYZE book_catalog.book").update();
			jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();

			BookQuery byText = new BookQuery("number 4242", null, 0, 20);
			assertThat(plan(jdbc, search.pageQuery(byText))).contains("book_search").doesNotContain("Seq Scan");
			assertThat(plan(jdbc, search.countQuery(byText))).contains("book_search").doesNotContain("Seq Scan");
			BookQuery byAuthor = new BookQuery(null, "author 4242", 3, 20);
			assertThat(plan(jdbc, search.pageQuery(byAuthor))).contains("book_search").doesNotContain("Seq Scan");
			BookQuery byIsbn = new BookQuery("978-000001", null, 0, 20);
			assertThat(plan(jdbc, search.pageQuery(byIsbn))).contains("book_isbn_unique");
			// a deep page walks the title index alone, reading only its own books
			assertThat(plan(jdbc, search.pageQuery(new BookQuery(null, null, 499, 20))))
				.contains("Index Only Scan using book_title_order")
				.doesNotContain("Seq Scan");

			// a word every book has: one more book is read than are ranked, not 100,000
			BookQuery everyBook = new BookQuery("title", null, 0, 20);
			String analyzed = String.join("\n",
					jdbc.sql("EXPLAIN (ANALYZE) " + search.pageQuery(everyBook).text())
						.params(search.pageQuery(everyBook).params())
						.query(String.class)
						.list());
			Matcher scanned = SCANNED.matcher(analyzed);
			assertThat(scanned.find()).as(analyzed).isTrue();
			assertThat(Long.parseLong(scanned.group(1))).as(analyzed).isEqualTo(BookQuery.RANKED + 1);
			BookPage page = search.find(everyBook);
			assertThat(page.totalElements()).isEqualTo(BookQuery.RANKED);
			assertThat(page.totalIsExact()).isFalse();
			assertThat(page.totalPages()).isEqualTo(BookQuery.RANKED / 20);
			assertThat(page.content()).hasSize(20);

			BookPage browsing = search.find(new BookQuery(null, null, 0, 20));
			assertThat(browsing.totalElements()).isEqualTo(BookQuery.BROWSED);
			assertThat(browsing.totalIsExact()).isFalse();
			assertThat(browsing.totalPages()).isEqualTo(BookQuery.BROWSED / 20);
			status.setRollbackOnly();
		});
	}

	private static String plan(JdbcClient jdbc, BookSearch.Sql sql) {
		List<String> lines = jdbc.sql("EXPLAIN " + sql.text()).params(sql.params()).query(String.class).list();
		return String.join("\n", lines);
	}

}
