package org.library.catalog;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.library.testsupport.Caller;
import org.library.testsupport.Http;
import org.library.testsupport.ServiceUnderTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search a reader types into the catalog, through the API: ranked, by the beginnings
 * of words, with phrases and exclusions, by ISBN or its start, and pages that end where
 * the ranking does. Each test's books carry a word of its own, so other tests' books do
 * not match.
 */
@CatalogIntegrationTest
class RankedSearchTest {

	private final Http http;

	RankedSearchTest(ServiceUnderTest service) {
		this.http = service.http().as(Caller.LIBRARIAN);
	}

	@Test
	void ranksTitleMatchesAboveAuthorMatches() {
		String word = uniqueWord();
		add("Notes from " + word, "Anne Other");
		add("Aardvarks", word + " Smith");

		JsonNode page = search(word);

		// title order alone would put Aardvarks first
		assertThat(titles(page)).containsExactly("Notes from " + word, "Aardvarks");
		assertThat(page.get("totalElements").asInt()).isEqualTo(2);
		assertThat(page.get("totalIsExact").asBoolean()).isTrue();
	}

	@Test
	void findsWordsByTheirBeginningNotTheirMiddle() {
		String word = uniqueWord();
		add(word + "garden Tales", "Anne Other");

		assertThat(titles(search(word.substring(0, 5)))).contains(word + "garden Tales");
		assertThat(titles(search(word + "gar tal"))).containsExactly(word + "garden Tales");
		assertThat(titles(search(word.toUpperCase() + "GARDEN TALES"))).containsExactly(word + "garden Tales");
		assertThat(titles(search("garden " + word.substring(1)))).isEmpty();
	}

	@Test
	void readsQuotedPhrasesAndExclusions() {
		String word = uniqueWord();
		add(word + " red fox", "Anne Other");
		add(word + " fox red", "Anne Other");
		add(word + " blue whale", "Anne Other");

		assertThat(titles(search(word + " \"red fox\""))).containsExactly(word + " red fox");
		assertThat(titles(search(word + " -fox"))).containsExactly(word + " blue whale");
		assertThat(titles(search(word + " whale or red"))).hasSize(3);
	}

	@Test
	void findsAnIsbnByItsStartAndRanksItFirst() {
		String word = uniqueWord();
		String isbn = TestBooks.uniqueIsbn13();
		add(isbn, "Zebras of " + word, "Anne Other");

		JsonNode page = search(isbn.substring(0, 3) + "-" + isbn.substring(3, 12));

		assertThat(titles(page)).contains("Zebras of " + word);
		assertThat(titles(search(isbn))).containsExactly("Zebras of " + word);
		// the author narrows the ISBN's books too
		assertThat(http.get("/api/books?q=" + isbn + "&author=" + word).json().get("content")).isEmpty();
		assertThat(http.get("/api/books?q=" + isbn + "&author=anne").json().get("content")).hasSize(1);
	}

	@Test
	void countsAPageAfterTheLastOne() {
		String word = uniqueWord();
		add(word + " one", "Anne Other");
		add(word + " two", "Anne Other");

		JsonNode past = http.get("/api/books?q=" + word + "&page=3&size=1").json();

		assertThat(past.get("content")).isEmpty();
		assertThat(past.get("totalElements").asInt()).isEqualTo(2);
		assertThat(past.get("totalPages").asInt()).isEqualTo(2);
	}

	@Test
	void pagesEndWhereTheRankingDoes() {
		var tooDeep = http.get("/api/books?q=anything&page=" + BookQuery.RANKED / 20 + "&size=20");
		assertThat(tooDeep.status()).isEqualTo(400);
		assertThat(tooDeep.json().get("errors").get(0).get("field").asString()).isEqualTo("page");
		assertThat(tooDeep.json().get("errors").get(0).get("message").asString()).contains("add a word");
		assertThat(http.get("/api/books?q=anything&page=" + (BookQuery.RANKED / 20 - 1) + "&size=20").status())
			.isEqualTo(200);
		// browsing reaches deeper
		assertThat(http.get("/api/books?page=" + BookQuery.RANKED / 20 + "&size=20").status()).isEqualTo(200);
		assertThat(http.get("/api/books?page=" + BookQuery.BROWSED / 20 + "&size=20").status()).isEqualTo(400);
	}

	@Test
	void takesAnyTextAsWordsNeverAsSyntax() {
		for (String q : List.of("'", "\\", "a\\'b", "''''", "x:*", "a & b | !c", "<->", "\"", "\"unclosed", "-", "or",
				"(a", "é'" + "x".repeat(30), "%_")) {
			String encoded = URLEncoder.encode(q, StandardCharsets.UTF_8);
			assertThat(http.get("/api/books?q=" + encoded).status()).as(q).isEqualTo(200);
			assertThat(http.get("/api/books?author=" + encoded).status()).as(q).isEqualTo(200);
		}
	}

	/** Letters only, so the parser keeps it one word. */
	private static String uniqueWord() {
		StringBuilder word = new StringBuilder("q");
		for (int i = 0; i < 10; i++) {
			word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
		}
		return word.toString();
	}

	private void add(String title, String author) {
		add(TestBooks.uniqueIsbn13(), title, author);
	}

	private void add(String isbn, String title, String author) {
		assertThat(http.post("/api/books", TestBooks.json(isbn, title, author)).status()).isEqualTo(201);
	}

	private JsonNode search(String q) {
		var response = http.get("/api/books?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
		assertThat(response.status()).as(q).isEqualTo(200);
		return response.json();
	}

	private static List<String> titles(JsonNode page) {
		List<String> titles = new ArrayList<>();
		page.get("content").forEach(book -> titles.add(book.get("title").asString()));
		return titles;
	}

}
