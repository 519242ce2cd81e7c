package org.library.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.library.verifier.CanonicalJson;
import org.library.verifier.Checkpoint;
import org.library.verifier.Merkle;
import org.library.verifier.PersonalName;
import org.library.verifier.SignedNote;
import org.library.verifier.TrailEntry;

/**
 * What the provable trail costs an auditor: the proofs' length on the live log, the
 * auditor's command on it, and the command offline on a trail of a million events, each
 * run as an auditor runs it, {@code java -jar audit-verifier.jar} in a JVM of its own.
 */
final class TrailBenchmark {

	private static final Pattern PROOF = Pattern.compile("\"proof\":\\[([^\\]]*)\\]");

	private final Path root;

	TrailBenchmark(Path root) {
		this.root = root;
	}

	/**
	 * The live log: its size, the hashes of an inclusion and of a consistency proof next
	 * to ⌈log2 n⌉, and the whole trail verified over the API.
	 */
	String live(RunningStack stack, String auditorToken) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		String api = stack.url("audit-service");
		String checkpoint = get(http, api + "/api/audit-checkpoints/latest", auditorToken);
		long size = Checkpoint.parse(checkpoint.substring(0, checkpoint.lastIndexOf("\n\n") + 1)).size();
		String first = get(http, api + "/api/audit-proofs/leaves?from=0&limit=1", auditorToken);
		Matcher id = Pattern.compile("\\\\\"id\\\\\":\\\\\"([0-9a-f-]{36})").matcher(first);
		if (!id.find()) {
			throw new IllegalStateException("no first leaf in " + first);
		}
		int inclusion = hashes(get(http, api + "/api/audit-proofs/inclusion?id=" + id.group(1), auditorToken));
		int consistency = hashes(
				get(http, api + "/api/audit-proofs/consistency?from=" + (size / 3) + "&to=" + size, auditorToken));
		int bound = 64 - Long.numberOfLeadingZeros(size - 1);
		Path key = Files.createTempFile("checkpoint", ".key");
		Files.writeString(key, get(http, api + "/api/audit-checkpoints/key", auditorToken));
		Run verified = verifier(Map.of("AUDIT_TOKEN", auditorToken), "--key=" + key, "--api=" + api);
		return """
				| the live log | %,d events |
				|---|---|
				| inclusion proof of its first event | %d hashes (⌈log2 n⌉ = %d) |
				| consistency proof from a third of it | %d hashes (at most 2 ⌈log2 n⌉ = %d) |
				| the auditor's command over the API, the whole trail | %.1f s, exit %d |
				""".formatted(size, inclusion, bound, consistency, 2 * bound, verified.seconds(), verified.exit());
	}

	/**
	 * A trail of {@code events}, each naming a reader apart as the audit service keeps
	 * them, exported as the verifier saves one, then checked offline.
	 */
	String offline(int events) throws Exception {
		KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		SignedNote.VerifierKey key = SignedNote.VerifierKey.of("library.example/audit", pair.getPublic());
		Path export = Files.createTempFile("trail", ".ndjson");
		long start = System.nanoTime();
		List<byte[]> hashes = new ArrayList<>(events);
		Instant at = Instant.parse("2026-12-01T00:00:00Z");
		try (BufferedWriter writer = Files.newBufferedWriter(export, StandardCharsets.UTF_8)) {
			for (int i = 0; i < events; i++) {
				PersonalName actor = PersonalName.salted("actor", "reader-" + (i % 5_000));
				PersonalName reader = PersonalName.salted("details.readerId", "reader-" + (i % 5_000));
				TrailEntry entry = new TrailEntry(i, UUID.randomUUID(), at.plusMillis(i), at.plusMillis(i + 3),
						"reading-list-service", actor.hash(), "ReadingStatusChanged", "ReadingListItem",
						UUID.randomUUID().toString(),
						Map.of("readerId", reader.hash(), "from", "READING", "to", "READ"), "%032x".formatted(i));
				byte[] leaf = entry.leaf();
				hashes.add(Merkle.leafHash(leaf));
				writer.write(CanonicalJson.write(Map.of("place", i, "leaf", new String(leaf, StandardCharsets.UTF_8),
						"names", List.of(name(actor), name(reader)))));
				writer.write('\n');
			}
			String note = SignedNote.sign(new Checkpoint("library.example/audit", events, Merkle.root(hashes)).body(),
					pair.getPrivate(), key);
			writer.write(CanonicalJson.write(Map.of("checkpoint", note)));
			writer.write('\n');
			for (byte[] hash : hashes) {
				writer.write(CanonicalJson.write(Map.of("storedHash", Base64.getEncoder().encodeToString(hash))));
				writer.write('\n');
			}
		}
		double written = (System.nanoTime() - start) / 1e9;
		long bytes = Files.size(export);
		Run verified = verifier(Map.of(), "--key=" + key, "--export=" + export);
		Files.delete(export);
		return """
				| the auditor's command offline, %,d events (%,d MB export, written in %.0f s) | %.1f s, exit %d |
				""".formatted(events, bytes / 1_000_000, written, verified.seconds(), verified.exit());
	}

	private record Run(double seconds, int exit) {
	}

	private Run verifier(Map<String, String> environment, String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
						root.resolve("audit-verifier/target/audit-verifier.jar").toString()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().putAll(environment);
		long start = System.nanoTime();
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		int exit = process.waitFor();
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.println("  audit-verifier " + String.join(" ", args) + ": " + output.lines().findFirst().orElse(""));
		return new Run(seconds, exit);
	}

	private static Map<String, Object> name(PersonalName name) {
		return Map.of("field", name.field(), "name", name.name(), "salt",
				Base64.getEncoder().encodeToString(name.salt()));
	}

	private static int hashes(String proof) {
		Matcher matcher = PROOF.matcher(proof);
		if (!matcher.find()) {
			throw new IllegalStateException("not a proof: " + proof);
		}
		return matcher.group(1).isBlank() ? 0 : matcher.group(1).split(",").length;
	}

	private static String get(HttpClient http, String url, String token) throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(
				HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IOException(url + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

}
