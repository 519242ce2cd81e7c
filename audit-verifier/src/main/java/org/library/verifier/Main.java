package org.library.verifier;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The auditor's command: checks the audit trail against its signed checkpoint, offline or
 * from the live API, and against the checkpoint accepted last time.
 *
 * <pre>
 * java -jar audit-verifier.jar --key=KEY [--state=FILE] [--checkpoint=FILE] (--api=URL [--save=FILE] | --export=FILE)
 * java -jar audit-verifier.jar --key=KEY --api=URL --prove=EVENT-ID
 * </pre>
 *
 * {@code --key} is the log's verifier key, or a file holding it; {@code --api} the audit
 * service, with an auditor's token in {@code AUDIT_TOKEN}; {@code --save} keeps what was
 * read as an export, which {@code --export} reads again offline. With {@code --state} the
 * checkpoint accepted is kept there, and the next run checks that the log only grew from
 * it; {@code --checkpoint} is a signed checkpoint kept elsewhere (the checkpoint topic's,
 * say), from which the log must have grown too. It prints one line per finding, its kind
 * and place, and exits 1 if there is any; 0 when the trail is intact; 2 when it could not
 * check. With {@code --prove} it checks one event instead: its leaf, and its inclusion
 * proof against the signed checkpoint.
 */
public final class Main {

	private Main() {
	}

	public static void main(String[] args) {
		System.exit(run(args, System.out, System.err, System.getenv("AUDIT_TOKEN")));
	}

	/** What {@link #main} does, with its streams and token given: the exit code. */
	public static int run(String[] args, PrintStream out, PrintStream err, String token) {
		Map<String, String> options = new LinkedHashMap<>();
		for (String arg : args) {
			int equals = arg.indexOf('=');
			if (!arg.startsWith("--") || equals < 0) {
				err.println("not an option: " + arg + "\n" + usage());
				return 2;
			}
			options.put(arg.substring(2, equals), arg.substring(equals + 1));
		}
		if (!options.containsKey("key")
				|| options.containsKey("api") == options.containsKey("export") && !options.containsKey("prove")) {
			err.println(usage());
			return 2;
		}
		try {
			SignedNote.VerifierKey key = SignedNote.VerifierKey.parse(readKey(options.get("key")));
			if (options.containsKey("prove")) {
				return prove(options.get("api"), token, key, options.get("prove"), out);
			}
			Export export = options.containsKey("api") ? Export.fetch(options.get("api"), token)
					: Export.read(Path.of(options.get("export")));
			if (options.containsKey("save")) {
				export.write(Path.of(options.get("save")));
			}
			Checkpoint checkpoint;
			try {
				checkpoint = Checkpoint.parse(SignedNote.open(export.checkpoint(), key));
			}
			catch (SignedNote.InvalidSignature ex) {
				out.println(TrailVerifier.Kind.BAD_SIGNATURE + " 0 " + ex.getMessage());
				return 1;
			}
			Path state = options.containsKey("state") ? Path.of(options.get("state")) : null;
			TrailVerifier.Accepted accepted = state != null && Files.exists(state) ? accepted(state) : null;
			if (options.containsKey("checkpoint")) {
				// a checkpoint kept where the log's operator cannot reach, such as its
				// topic: the trail must have grown from it, like from the state's
				Checkpoint kept;
				try {
					kept = Checkpoint.parse(SignedNote.open(Files.readString(Path.of(options.get("checkpoint"))), key));
				}
				catch (SignedNote.InvalidSignature ex) {
					out.println(TrailVerifier.Kind.BAD_SIGNATURE + " 0 " + options.get("checkpoint") + ": "
							+ ex.getMessage());
					return 1;
				}
				if (accepted == null || kept.size() > accepted.size()) {
					accepted = new TrailVerifier.Accepted(kept.size(), kept.root());
				}
			}
			List<TrailVerifier.Finding> findings = TrailVerifier.verify(checkpoint, export.found(), export.stored(),
					accepted);
			findings.forEach(out::println);
			if (!findings.isEmpty()) {
				return 1;
			}
			if (state != null) {
				Files.writeString(state,
						checkpoint.size() + "\n" + Base64.getEncoder().encodeToString(checkpoint.root()) + "\n");
			}
			out.println("intact: " + checkpoint.size() + " events under the checkpoint of " + checkpoint.origin()
					+ (accepted == null ? "" : ", grown from the " + accepted.size() + " accepted before"));
			return 0;
		}
		catch (IOException | RuntimeException ex) {
			err.println("could not check the trail: " + ex.getMessage());
			return 2;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 2;
		}
	}

	private static String usage() {
		return "usage: java -jar audit-verifier.jar --key=KEY [--state=FILE] [--checkpoint=FILE] "
				+ "(--api=URL [--save=FILE] | --export=FILE)\n"
				+ "       java -jar audit-verifier.jar --key=KEY --api=URL --prove=EVENT-ID";
	}

	/**
	 * One event: the signed checkpoint, the event's leaf as the log holds it, and its
	 * inclusion proof, which must take the leaf's own hash to the signed root.
	 */
	private static int prove(String api, String token, SignedNote.VerifierKey key, String event, PrintStream out)
			throws IOException, InterruptedException {
		if (api == null) {
			throw new IllegalArgumentException("--prove reads the live API: give --api");
		}
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		Checkpoint checkpoint;
		try {
			checkpoint = Checkpoint
				.parse(SignedNote.open(Export.get(http, api + "/api/audit-checkpoints/latest", token), key));
		}
		catch (SignedNote.InvalidSignature ex) {
			out.println(TrailVerifier.Kind.BAD_SIGNATURE + " 0 " + ex.getMessage());
			return 1;
		}
		Map<?, ?> inclusion = (Map<?, ?>) Json.read(Export.get(http,
				api + "/api/audit-proofs/inclusion?id=" + event + "&treeSize=" + checkpoint.size(), token));
		long place = ((BigDecimal) inclusion.get("index")).longValueExact();
		Map<?, ?> page = (Map<?, ?>) Json
			.read(Export.get(http, api + "/api/audit-proofs/leaves?from=" + place + "&limit=1", token));
		List<?> leaves = (List<?>) page.get("leaves");
		TrailVerifier.Found found = leaves.isEmpty() ? new TrailVerifier.Found(place, "")
				: Export.found((Map<?, ?>) leaves.getFirst());
		String leaf = found.leaf();
		List<byte[]> proof = new ArrayList<>();
		for (Object hash : (List<?>) inclusion.get("proof")) {
			proof.add(Base64.getDecoder().decode((String) hash));
		}
		try {
			Merkle.verifyInclusion(place, checkpoint.size(), Merkle.leafHash(leaf.getBytes(StandardCharsets.UTF_8)),
					proof, checkpoint.root());
		}
		catch (InvalidProof ex) {
			out.println((leaf.isEmpty() ? TrailVerifier.Kind.DELETED : TrailVerifier.Kind.EDITED) + " " + place + " "
					+ ex.getMessage());
			return 1;
		}
		List<TrailVerifier.Finding> misnamed = TrailVerifier.misnamed(found);
		if (!misnamed.isEmpty()) {
			misnamed.forEach(out::println);
			return 1;
		}
		out.println("included: event " + event + " at place " + place + " of the " + checkpoint.size()
				+ " events under the checkpoint of " + checkpoint.origin() + ", by " + proof.size() + " hashes");
		out.println(leaf);
		found.names().forEach(name -> out.println(name.field() + " " + name.hash() + " is " + name.name()));
		return 0;
	}

	private static String readKey(String key) throws IOException {
		Path file = Path.of(key);
		return key.contains("+") && !Files.exists(file) ? key : Files.readString(file);
	}

	private static TrailVerifier.Accepted accepted(Path state) throws IOException {
		String[] lines = Files.readString(state).split("\n");
		return new TrailVerifier.Accepted(Long.parseLong(lines[0].strip()),
				Base64.getDecoder().decode(lines[1].strip()));
	}

	/**
	 * What the verifier reads: the signed checkpoint, the events at their places, and the
	 * log's stored leaf hashes. As a file, one JSON object per line:
	 * {@code {"checkpoint":…}}, then {@code {"place":…,"leaf":…,"names":[…]}} and
	 * {@code {"storedHash":…}} in place order.
	 */
	record Export(String checkpoint, List<TrailVerifier.Found> found, List<byte[]> stored) {

		private static final int PAGE = 10_000;

		static Export fetch(String api, String token) throws IOException, InterruptedException {
			if (token == null || token.isBlank()) {
				throw new IllegalArgumentException("set AUDIT_TOKEN to an auditor's access token");
			}
			HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
			String checkpoint = get(http, api + "/api/audit-checkpoints/latest", token);
			long size = Checkpoint.parse(checkpoint.substring(0, checkpoint.lastIndexOf("\n\n") + 1)).size();
			List<TrailVerifier.Found> found = new ArrayList<>();
			List<byte[]> stored = new ArrayList<>();
			// the whole trail, to its last event: a row pushed beyond the signed size is
			// still the event it was
			Object next = BigDecimal.ZERO;
			while (next instanceof BigDecimal from) {
				Map<?, ?> leaves = (Map<?, ?>) Json
					.read(get(http, api + "/api/audit-proofs/leaves?from=" + from + "&limit=" + PAGE, token));
				for (Object leaf : (List<?>) leaves.get("leaves")) {
					found.add(found((Map<?, ?>) leaf));
				}
				next = leaves.get("next");
			}
			for (long from = 0; from < size; from += PAGE) {
				Map<?, ?> hashes = (Map<?, ?>) Json.read(get(http,
						api + "/api/audit-proofs/leaf-hashes?from=" + from + "&limit=" + Math.min(PAGE, size - from),
						token));
				for (Object hash : (List<?>) hashes.get("hashes")) {
					stored.add(Base64.getDecoder().decode((String) hash));
				}
			}
			return new Export(checkpoint, found, stored);
		}

		static Export read(Path file) throws IOException {
			String checkpoint = null;
			List<TrailVerifier.Found> found = new ArrayList<>();
			List<byte[]> stored = new ArrayList<>();
			for (String line : Files.readAllLines(file)) {
				if (line.isBlank()) {
					continue;
				}
				Map<?, ?> entry = (Map<?, ?>) Json.read(line);
				if (entry.containsKey("checkpoint")) {
					checkpoint = (String) entry.get("checkpoint");
				}
				else if (entry.containsKey("storedHash")) {
					stored.add(Base64.getDecoder().decode((String) entry.get("storedHash")));
				}
				else {
					found.add(found(entry));
				}
			}
			if (checkpoint == null) {
				throw new IllegalArgumentException(file + " holds no checkpoint");
			}
			return new Export(checkpoint, found, stored);
		}

		void write(Path file) throws IOException {
			try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
				writer.write(CanonicalJson.write(Map.of("checkpoint", checkpoint)) + "\n");
				for (TrailVerifier.Found leaf : found) {
					List<Map<String, Object>> names = leaf.names()
						.stream()
						.map(name -> Map.<String, Object>of("field", name.field(), "name", name.name(), "salt",
								Base64.getEncoder().encodeToString(name.salt())))
						.toList();
					writer.write(CanonicalJson.write(Map.of("place", leaf.place(), "leaf", leaf.leaf(), "names", names))
							+ "\n");
				}
				for (byte[] hash : stored) {
					writer.write(
							CanonicalJson.write(Map.of("storedHash", Base64.getEncoder().encodeToString(hash))) + "\n");
				}
			}
		}

		/**
		 * A leaf as the API and the export write it: its place, its text, and the names
		 * its hashes are of.
		 */
		static TrailVerifier.Found found(Map<?, ?> entry) {
			List<PersonalName> names = new ArrayList<>();
			if (entry.get("names") instanceof List<?> given) {
				for (Object item : given) {
					Map<?, ?> name = (Map<?, ?>) item;
					names.add(new PersonalName((String) name.get("field"), (String) name.get("name"),
							Base64.getDecoder().decode((String) name.get("salt"))));
				}
			}
			return new TrailVerifier.Found(((BigDecimal) entry.get("place")).longValueExact(),
					(String) entry.get("leaf"), names);
		}

		static String get(HttpClient http, String url, String token) throws IOException, InterruptedException {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
				.header("Authorization", "Bearer " + token)
				.timeout(Duration.ofSeconds(60))
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			if (response.statusCode() != 200) {
				throw new IOException(url + " answered " + response.statusCode() + ": " + response.body());
			}
			return response.body();
		}

	}

}
