package org.library.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * The library's real issuer for the tests of one JVM: the {@code identity} jar started as
 * its own process on a free port, with known passwords for the demo accounts and its
 * signing key in a throwaway directory. It is started on first use and ends with the JVM
 * (it follows this JVM as it follows the local stack's launcher). Services under test are
 * pointed at it by {@link TestIssuerInitializer}.
 *
 * <p>
 * The jar must have been built ({@code ./mvnw verify} builds the issuer before the
 * services); another place can be given with {@code -Dlibrary.identity.jar=...}.
 */
public final class TestIssuer {

	/** The machine client's secret, as the test issuer is started with it. */
	public static final String MACHINE_SECRET = "library-machine-test-secret";

	/** The operators' client's secret, as the test issuer is started with it. */
	public static final String OPERATOR_SECRET = "library-operator-test-secret";

	private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

	private static TestIssuer shared;

	private final Path jar;

	private final int port;

	private final String uri;

	private final Path keyDirectory;

	private final Path log;

	private final Tokens tokens;

	private final Map<Caller, Token> cache = new ConcurrentHashMap<>();

	private Process process;

	private volatile boolean ready;

	private TestIssuer(Path jar, int port, Path keyDirectory, Path log) {
		this.jar = jar;
		this.port = port;
		this.uri = "http://localhost:" + port;
		this.keyDirectory = keyDirectory;
		this.log = log;
		this.tokens = new Tokens(uri);
	}

	/** The JVM's issuer, started (not yet waited for) on first use. */
	public static synchronized TestIssuer shared() {
		if (shared == null) {
			shared = create();
			shared.start();
		}
		return shared;
	}

	/**
	 * An issuer of a test's own, for a test that stops and starts it; not yet started. It
	 * ends with the JVM at the latest.
	 */
	public static TestIssuer own() {
		return create();
	}

	/**
	 * Starts the process (again after {@link #stop()}: the same port, the same signing
	 * key).
	 */
	public synchronized void start() {
		if (process != null && process.isAlive()) {
			return;
		}
		ProcessBuilder builder = new ProcessBuilder(java(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar",
				jar.toString(), "--server.port=" + port)
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		Map<String, String> environment = builder.environment();
		environment.put("LIBRARY_ISSUER_URI", uri);
		environment.put("LIBRARY_IDENTITY_KEY_DIRECTORY", keyDirectory.toString());
		environment.put("LIBRARY_MACHINE_CLIENT_SECRET", MACHINE_SECRET);
		environment.put("LIBRARY_OPERATOR_CLIENT_SECRET", OPERATOR_SECRET);
		environment.put("LIBRARY_LAUNCHER_PID", Long.toString(ProcessHandle.current().pid()));
		for (Caller caller : List.of(Caller.LIBRARIAN, Caller.AUDITOR, Caller.ADA, Caller.ALAN)) {
			environment.put(caller.subject().toUpperCase(Locale.ROOT) + "_PASSWORD", password(caller));
		}
		try {
			process = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The test issuer could not be started from " + jar, ex);
		}
		ready = false;
		Process started = process;
		Runtime.getRuntime().addShutdownHook(new Thread(started::destroy, "test-issuer-shutdown"));
	}

	/** Stops the process, as an operator would, and waits until it is gone. */
	public synchronized void stop() {
		if (process == null) {
			return;
		}
		process.destroy();
		try {
			process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		ready = false;
	}

	/** A demo account's password, as the test issuer knows it. */
	public static String password(Caller caller) {
		return caller.subject() + "-test-password";
	}

	/**
	 * The issuer's address: what its tokens name as {@code iss}, and where the services
	 * find its keys.
	 */
	public String uri() {
		return uri;
	}

	/**
	 * A valid access token for {@code caller}, signed in once and reused until shortly
	 * before it expires. Callers on many threads wait for one sign-in rather than each
	 * making its own: the issuer's in-memory authorization store is not made for a burst
	 * of concurrent sign-ins (it answered 500 once, from a
	 * {@code ConcurrentModificationException}).
	 */
	public synchronized String token(Caller caller) {
		Token token = cache.get(caller);
		if (token == null || token.expiresAt().isBefore(Instant.now().plusSeconds(60))) {
			String accessToken = switch (caller) {
				case MACHINE -> tokens().forMachine(caller.subject(), MACHINE_SECRET);
				case OPERATOR -> tokens().forMachine(caller.subject(), OPERATOR_SECRET);
				default -> tokens().forPerson(caller.subject(), password(caller));
			};
			token = new Token(accessToken, Instant.ofEpochSecond(Tokens.claims(accessToken).get("exp").asLong()));
			cache.put(caller, token);
		}
		return token.value();
	}

	/** The flows themselves, once the issuer answers. */
	public Tokens tokens() {
		awaitReady();
		return tokens;
	}

	/**
	 * The issuer's signing key (a JSON Web Key with its private part), for tests that
	 * forge tokens.
	 */
	public String signingKeyJson() {
		awaitReady();
		try {
			return Files.readString(keyDirectory.resolve("signing-key.json"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static TestIssuer create() {
		try {
			int port;
			try (ServerSocket socket = new ServerSocket(0)) {
				port = socket.getLocalPort();
			}
			return new TestIssuer(jar(), port, Files.createTempDirectory("test-issuer-keys"),
					Files.createTempFile("test-issuer", ".log"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private synchronized void awaitReady() {
		if (ready) {
			return;
		}
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest discovery = HttpRequest.newBuilder(URI.create(uri + "/.well-known/openid-configuration")).build();
		try {
			Awaitility.await("the test issuer")
				.atMost(START_TIMEOUT)
				.pollInterval(Duration.ofMillis(200))
				.failFast(() -> !process.isAlive())
				.ignoreExceptionsInstanceOf(IOException.class) // not listening yet
				.until(() -> client.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
		}
		catch (ConditionTimeoutException | TerminalFailureException ex) {
			throw new IllegalStateException("The test issuer did not answer"
					+ (process.isAlive() ? " within " + START_TIMEOUT : ", it exited with " + process.exitValue())
					+ ":\n" + logTail(), ex);
		}
		ready = true;
	}

	private String logTail() {
		try {
			List<String> lines = Files.readAllLines(log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	private static Path jar() {
		String configured = System.getProperty("library.identity.jar");
		if (configured != null) {
			return Path.of(configured);
		}
		for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
			Path jar = directory.resolve("identity/target/identity.jar");
			if (Files.isRegularFile(jar)) {
				return jar;
			}
		}
		throw new IllegalStateException("The issuer's jar (identity/target/identity.jar) is not built; run "
				+ "./mvnw verify, or ./mvnw -pl identity package first when testing one service");
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private record Token(String value, Instant expiresAt) {
	}

}
