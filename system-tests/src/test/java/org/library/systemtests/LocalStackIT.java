package org.library.systemtests;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.library.contracts.Topics;
import org.library.infrastructure.KafkaCredentials;
import org.library.localstack.LocalStack;
import org.library.testsupport.Http;
import org.library.testsupport.Tokens;
import org.library.testsupport.Traceparent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.library.systemtests.Stack.deleteRecursively;
import static org.library.systemtests.WorkingCopy.ROOT;
import static org.library.testsupport.FreePorts.freePort;

/**
 * The end-to-end story, with the suite started as users start it (the built local-stack
 * jar, real processes): a book is created in the catalog, appears in the inventory, gets
 * copies, is lent, goes on a reader's list and is renamed; the suite is stopped the way
 * Ctrl-C does and started again on the same data; the copy comes back, the book is
 * removed (WITHDRAWN in the inventory, flagged on the list), and its whole story is read
 * back from the audit API, each event once. Then the stack is killed outright: its
 * services follow it down, and the next start stops the Postgres it left behind and comes
 * up on the same data, which it keeps durable and behind passwords.
 */
class LocalStackIT {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	/**
	 * What the audit trail must hold for the book before the restart, each once, with who
	 * did it.
	 */
	private static final String[] STORY = { "BookAdded by librarian", "CopiesAdded by librarian", "LoanOpened by ada",
			"BookListed by ada", "BookUpdated by librarian" };

	/**
	 * ...and at the end of its life (the inventory withdraws the book for the librarian
	 * who removed it).
	 */
	private static final String[] WHOLE_STORY = { "BookAdded by librarian", "CopiesAdded by librarian",
			"LoanOpened by ada", "BookListed by ada", "BookUpdated by librarian", "LoanReturned by ada",
			"BookRemoved by librarian", "BookWithdrawn by librarian" };

	private static final String ADAS_LIST = "/api/readers/ada/reading-list";

	/**
	 * The librarian's, ada's and the auditor's tokens, taken before the first stop and
	 * used after the restart.
	 */
	private String[] lastTokens;

	private final Path jar = ROOT.resolve(LocalStack.JAR);

	private final Path data = Path.of(System.getProperty("localStackData", "target/it-data"));

	@Test
	void startsTheSuiteKeepsItsDataAcrossARestartAndStopsCleanly() throws Exception {
		deleteRecursively(data);
		int postgres = freePort();
		int kafka = freePort();
		int catalog = freePort();
		int inventory = freePort();
		int readingList = freePort();
		int audit = freePort();
		int identity = freePort();
		int web = freePort();
		List<String> arguments = List.of("--postgres-port=" + postgres, "--kafka-port=" + kafka,
				"--book-catalog-port=" + catalog, "--book-inventory-port=" + inventory,
				"--reading-list-port=" + readingList, "--audit-port=" + audit, "--identity-port=" + identity,
				"--web-port=" + web, "--data-dir=" + data);

		String bookId;
		String isbn = "9780441478125";
		Stack first = Stack.start(jar, arguments, data.resolveSibling("it-first.log"));
		try {
			first.awaitOutput("The library is up.");
			assertThat(first.output()).contains("http://localhost:" + catalog, "localhost:" + kafka,
					"http://localhost:" + identity, "Demo accounts", "librarian", "ada",
					"Kafka for outside consumers: principal library-reader");
			assertOnlyThisMachineReaches(List.of(catalog, inventory, readingList, audit, identity, web));
			// every secret a client could use is the stack's own, readable by its owner
			// alone
			for (Path secrets : List.of(data.resolve(LocalStack.KAFKA_CREDENTIALS),
					data.resolve(LocalStack.CLIENT_SECRETS))) {
				assertThat(Files.getPosixFilePermissions(secrets)).as(secrets.toString())
					.containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
			}
			HttpResponse<String> discovery = HTTP.send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + identity + "/.well-known/openid-configuration"))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(discovery.statusCode()).isEqualTo(200);
			assertThat(discovery.body()).contains("\"issuer\":\"http://localhost:" + identity + "\"");

			// the demo accounts sign in with the passwords the stack printed, and kept
			// for token.sh
			Properties passwords = demoPasswords(first);
			Tokens tokens = new Tokens("http://localhost:" + identity);
			String librarianToken = tokens.forPerson("librarian", passwords.getProperty("librarian"));
			Http librarian = new Http(catalog).withToken(librarianToken);
			String adaToken = tokens.forPerson("ada", passwords.getProperty("ada"));
			String auditorToken = tokens.forPerson("auditor", passwords.getProperty("auditor"));

			// a caller's trace: it must reach the audit row, through the catalog, its
			// outbox and the topic
			Traceparent addition = Traceparent.random();
			Http.Response created = librarian.post("/api/books", """
					{"isbn":"%s","title":"The Left Hand of Darkness","authors":["Ursula K. Le Guin"]}"""
				.formatted(isbn), "traceparent", addition.header());
			assertThat(created.status()).isEqualTo(201);
			bookId = created.header("Location").replaceAll(".*/", "");
			assertThat(get(catalog, bookId).statusCode()).isEqualTo(200);
			awaitRecordOnTopic(kafka, bookId);

			// joint ownership: the inventory learns the book from the catalog's topic;
			// the librarian adds copies and
			// ada borrows one
			Http stock = new Http(inventory);
			await().atMost(Duration.ofSeconds(60)).until(() -> stock.get("/api/inventory/" + bookId).status() == 200);
			assertThat(stock.withToken(librarianToken)
				.post("/api/inventory/" + bookId + "/copies", "{\"count\":2}")
				.status()).isEqualTo(200);
			assertThat(stock.withToken(adaToken).post("/api/inventory/" + bookId + "/loans").status()).isEqualTo(201);

			// single ownership: ada lists the book, and sees the catalog's rename through
			// the list's own copy
			Http adasList = new Http(readingList).withToken(adaToken);
			await().atMost(Duration.ofSeconds(60))
				.until(() -> adasList.put(ADAS_LIST + "/" + bookId, "").status() == 201);
			assertThat(librarian
				.put("/api/books/" + bookId,
						("{\"isbn\":\"%s\",\"title\":\"The Left Hand of Darkness (Ace)\","
								+ "\"authors\":[\"Ursula K. Le Guin\"]}")
							.formatted(isbn),
						"If-Match", "\"0\"")
				.status()).isEqualTo(200);
			await().atMost(Duration.ofSeconds(60))
				.until(() -> adasList.get(ADAS_LIST).body().contains("The Left Hand of Darkness (Ace)"));

			// common ownership: every service's changes reach the one audit trail, each
			// once, each by whoever's
			// token asked for it (in the order each service's relay delivered them, so
			// compared as a set)
			Http trail = new Http(audit).withToken(auditorToken);
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(story(trail, bookId)).containsExactlyInAnyOrder(STORY));
			assertThat(story(trail, "traceId=" + addition.traceId(), bookId)).containsExactly("BookAdded by librarian");
			assertOperable(tokens, catalog, inventory, readingList, audit);

			// a second start on the same data, while this run has it, refuses and stops
			// nothing of this one
			Stack rival = Stack.start(jar,
					List.of("--postgres-port=" + freePort(), "--kafka-port=" + freePort(),
							"--book-catalog-port=" + freePort(), "--book-inventory-port=" + freePort(),
							"--reading-list-port=" + freePort(), "--audit-port=" + freePort(),
							"--identity-port=" + freePort(), "--web-port=" + freePort(), "--data-dir=" + data),
					data.resolveSibling("it-rival.log"));
			assertThat(rival.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
			assertThat(rival.exitCode()).isEqualTo(1);
			assertThat(rival.output())
				.contains("already running on " + data.toAbsolutePath(), "pid " + first.process().pid())
				.doesNotContain("did not stop cleanly")
				.doesNotContain("\tat ");
			assertOperable(tokens, catalog, inventory, readingList, audit);
			assertThat(trail.anonymous().get("/api/audit-events?entityId=" + bookId).status()).isEqualTo(401);
			assertThat(adasList.withToken(adaToken).get("/api/readers/alan/reading-list").status()).isEqualTo(403);
			lastTokens = new String[] { librarianToken, adaToken, auditorToken };
		}
		finally {
			first.stop();
		}
		// 143: ended by SIGTERM after its shutdown hooks ran, as Ctrl-C (130) would be
		assertThat(first.exitCode()).isIn(0, 143);
		assertThat(first.output()).contains("Stopped.");
		for (int port : List.of(postgres, kafka, catalog)) {
			assertThat(isFree(port)).as("port %d is released", port).isTrue();
		}

		Stack second = Stack.start(jar, arguments, data.resolveSibling("it-second.log"));
		try {
			second.awaitOutput("The library is up.");
			// the issuer kept its key: tokens from before the restart are still good for
			// as long as they claim
			Http librarian = new Http(catalog).withToken(lastTokens[0]);
			Http ada = new Http(inventory).withToken(lastTokens[1]);
			Http trail = new Http(audit).withToken(lastTokens[2]);
			HttpResponse<String> kept = get(catalog, bookId);
			assertThat(kept.statusCode()).isEqualTo(200);
			assertThat(kept.body()).contains(isbn, "The Left Hand of Darkness");
			awaitRecordOnTopic(kafka, bookId);
			assertThat(ada.get("/api/inventory/" + bookId).body()).contains("\"onLoan\":1");
			assertThat(story(trail, bookId)).containsExactlyInAnyOrder(STORY);
			Http adasList = new Http(readingList).withToken(lastTokens[1]);
			assertThat(adasList.get(ADAS_LIST).body()).contains("The Left Hand of Darkness (Ace)");

			// the rest of the book's life, on the restarted suite: returned, then removed
			// from the catalog
			// ada's loan outlived the restart: she finds it among hers and returns it
			String loan = ada.get("/api/loans").json().get("loans").get(0).get("id").asString();
			assertThat(ada.post("/api/loans/" + loan + "/return").status()).isEqualTo(200);
			// the removal's trace goes on through the inventory's consumer, into the
			// withdrawal it causes
			Traceparent removal = Traceparent.random();
			assertThat(librarian.delete("/api/books/" + bookId, "traceparent", removal.header()).status())
				.isEqualTo(204);
			await().atMost(Duration.ofSeconds(60))
				.until(() -> ada.get("/api/inventory/" + bookId).body().contains("\"WITHDRAWN\""));
			await().atMost(Duration.ofSeconds(60))
				.until(() -> adasList.get(ADAS_LIST).body().contains("\"removedFromCatalog\":true"));
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(story(trail, bookId)).containsExactlyInAnyOrder(WHOLE_STORY));
			assertThat(story(trail, "traceId=" + removal.traceId(), bookId))
				.containsExactlyInAnyOrder("BookRemoved by librarian", "BookWithdrawn by librarian");
		}
		catch (AssertionError | Exception ex) {
			second.stop();
			throw ex;
		}

		// a crash: the launcher is killed outright, before it can stop anything
		second.kill();
		for (int port : List.of(identity, catalog, inventory, readingList, audit)) {
			await().atMost(Duration.ofSeconds(60))
				.alias("the service on port " + port + " follows its dead launcher")
				.until(() -> isFree(port));
		}
		Stack third = Stack.start(jar, arguments, data.resolveSibling("it-third.log"));
		try {
			third.awaitOutput("The library is up.");
			assertThat(third.output()).contains("did not stop cleanly", "Postgres (pid");
			assertThat(get(catalog, bookId).statusCode()).isEqualTo(404);
			Properties passwords = demoPasswords(third);
			Http trail = new Http(audit).withToken(
					new Tokens("http://localhost:" + identity).forPerson("auditor", passwords.getProperty("auditor")));
			assertThat(story(trail, bookId)).containsExactlyInAnyOrder(WHOLE_STORY);
			assertDurableAndPasswordChecked(postgres);
		}
		finally {
			third.stop();
		}
		assertThat(third.exitCode()).isIn(0, 143);
		assertThat(third.output()).contains("Stopped.");
	}

	/**
	 * The kept data is safe: every commit synced, and no role gets in without its
	 * password.
	 */
	private static void assertDurableAndPasswordChecked(int postgres) throws Exception {
		String url = "jdbc:postgresql://localhost:" + postgres + "/library";
		try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
				Statement statement = connection.createStatement()) {
			for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
				try (ResultSet value = statement.executeQuery("SHOW " + setting)) {
					value.next();
					assertThat(value.getString(1)).as(setting).isEqualTo("on");
				}
			}
			try (ResultSet listening = statement.executeQuery("SHOW listen_addresses")) {
				listening.next();
				assertThat(listening.getString(1)).isEqualTo("localhost");
			}
		}
		for (String role : List.of("postgres", "book_catalog_app", "audit_owner")) {
			assertThatThrownBy(() -> DriverManager.getConnection(url, role, "not-the-password").close())
				.as("%s with a wrong password", role)
				.isInstanceOf(SQLException.class)
				.hasMessageContaining("password authentication failed");
		}
	}

	@Test
	void saysWhichPortIsTakenAndExitsWithoutAStackTrace() throws Exception {
		try (ServerSocket taken = new ServerSocket()) {
			taken.bind(new InetSocketAddress("localhost", 0));
			Stack stack = Stack.start(jar,
					List.of("--postgres-port=" + taken.getLocalPort(), "--kafka-port=" + freePort(),
							"--book-catalog-port=" + freePort(), "--book-inventory-port=" + freePort(),
							"--reading-list-port=" + freePort(), "--audit-port=" + freePort(),
							"--identity-port=" + freePort(), "--web-port=" + freePort(), "--data-dir=" + data),
					data.resolveSibling("it-taken.log"));
			assertThat(stack.process().waitFor(60, TimeUnit.SECONDS)).isTrue();

			assertThat(stack.exitCode()).isEqualTo(1);
			assertThat(stack.output()).contains("Port " + taken.getLocalPort() + " for Postgres")
				.contains("already in use")
				.doesNotContain("Exception")
				.doesNotContain("\tat ");
		}
	}

	@Test
	void rejectsAnUnknownOptionWithUsage() throws Exception {
		Stack stack = Stack.start(jar, List.of("--catalogue-port=1"), data.resolveSibling("it-usage.log"));
		assertThat(stack.process().waitFor(60, TimeUnit.SECONDS)).isTrue();

		assertThat(stack.exitCode()).isEqualTo(2);
		assertThat(stack.output()).contains("Unknown option --catalogue-port", "Usage:");
	}

	/**
	 * What the audit trail holds for an entity, newest first: each action and its actor.
	 */
	private static List<String> story(Http trail, String entityId) {
		return story(trail, "limit=500", entityId);
	}

	/** ...of the events {@code filter} finds. */
	private static List<String> story(Http trail, String filter, String entityId) {
		Http.Response page = trail.get("/api/audit-events?entityId=" + entityId + "&" + filter);
		assertThat(page.status()).as(page.body()).isEqualTo(200);
		List<String> story = new ArrayList<>();
		page.json()
			.get("items")
			.forEach(event -> story.add(event.get("action").asString() + " by " + event.get("actor").asString()));
		return story;
	}

	/**
	 * Each service shows an operator its outbox and how far its consumers are behind,
	 * with Prometheus, and anyone its API console.
	 */
	private void assertOperable(Tokens tokens, int catalog, int inventory, int readingList, int audit)
			throws IOException {
		// the secret in identity's application.yml is published: a fresh stack made its
		// own
		assertThatThrownBy(() -> tokens.forMachine("library-machine", "library-machine-local-secret"))
			.hasMessageContaining("401");
		Properties clients = new Properties();
		try (var reader = Files.newBufferedReader(data.resolve(LocalStack.CLIENT_SECRETS))) {
			clients.load(reader);
		}
		String machine = tokens.forMachine("library-machine", clients.getProperty("machine"));
		Map<Integer, List<String>> expected = Map.of(catalog, List.of("library_outbox_pending_events"), inventory,
				List.of("library_outbox_pending_events", "kafka_consumer_fetch_manager_records_lag_max"), readingList,
				List.of("library_outbox_oldest_age_seconds", "kafka_consumer_fetch_manager_records_lag_max"), audit,
				List.of("library_audit_ingested_events_total", "kafka_consumer_fetch_manager_records_lag_max"));
		expected.forEach((port, metrics) -> {
			Http.Response scraped = new Http(port).withToken(machine).get("/actuator/prometheus");
			assertThat(scraped.status()).as("prometheus on %d", port).isEqualTo(200);
			assertThat(scraped.body()).as("prometheus on %d", port).contains(metrics);
			assertThat(new Http(port).get("/actuator/prometheus").status()).isEqualTo(401);
			Http.Response console = new Http(port).get("/swagger-ui/index.html");
			assertThat(console.status()).as("Swagger UI on %d", port).isEqualTo(200);
			assertThat(new Http(port).get("/v3/api-docs/swagger-config").json().path("oauth2RedirectUrl").asString())
				.isEqualTo("http://localhost:" + port + "/swagger-ui/oauth2-redirect.html");
		});
	}

	/**
	 * The demo accounts' passwords, as the stack kept them; each is also in what it
	 * printed, where a person reads it.
	 */
	private Properties demoPasswords(Stack stack) throws IOException {
		Properties passwords = new Properties();
		try (var reader = Files.newBufferedReader(data.resolve("identity").resolve("accounts.properties"))) {
			passwords.load(reader);
		}
		for (String account : List.of("librarian", "auditor", "ada", "alan")) {
			assertThat(stack.output()).contains(passwords.getProperty(account));
		}
		return passwords;
	}

	private static HttpResponse<String> get(int port, String bookId) throws Exception {
		return HTTP.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/books/" + bookId)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Reads the catalog's topic as an outside consumer does: the read-only principal the
	 * stack printed, with the password it keeps, in a group of its own.
	 */
	private void awaitRecordOnTopic(int kafkaPort, String key) throws IOException {
		Properties kept = new Properties();
		try (var reader = Files.newBufferedReader(data.resolve(LocalStack.KAFKA_CREDENTIALS))) {
			kept.load(reader);
		}
		Map<String, Object> config = new LinkedHashMap<>(KafkaCredentials.client("localhost:" + kafkaPort,
				LocalStack.READER, kept.getProperty(LocalStack.READER)));
		config.put(ConsumerConfig.GROUP_ID_CONFIG, LocalStack.READER + ".it-" + UUID.randomUUID());
		config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
			List<String> keys = new ArrayList<>();
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				if (consumer.assignment().isEmpty()) {
					var partitions = consumer.partitionsFor(Topics.CATALOG_BOOKS, Duration.ofSeconds(5))
						.stream()
						.map(info -> new TopicPartition(info.topic(), info.partition()))
						.toList();
					consumer.assign(partitions);
					consumer.seekToBeginning(partitions);
				}
				consumer.poll(Duration.ofMillis(200)).forEach(record -> keys.add(record.key()));
				return keys.contains(key);
			});
		}
	}

	/**
	 * The HTTP ports listen on the loopback address alone: from any other address of this
	 * machine, as another host on its network would, a connection is refused. (A machine
	 * with no other address has no network to reach it from.)
	 */
	private static void assertOnlyThisMachineReaches(List<Integer> ports) throws IOException {
		List<InetAddress> others = Collections.list(NetworkInterface.getNetworkInterfaces())
			.stream()
			.flatMap(face -> Collections.list(face.getInetAddresses()).stream())
			.filter(address -> !address.isLoopbackAddress() && address instanceof Inet4Address)
			.toList();
		for (InetAddress address : others) {
			for (int port : ports) {
				try (Socket socket = new Socket()) {
					socket.connect(new InetSocketAddress(address, port), 2000);
					throw new AssertionError("port " + port + " answers on " + address + ", not only on 127.0.0.1");
				}
				catch (ConnectException refused) {
					// what a host on the network gets
				}
			}
		}
	}

	private static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress("localhost", port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
