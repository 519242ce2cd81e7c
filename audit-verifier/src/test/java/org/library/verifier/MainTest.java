package org.library.verifier;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auditor's command on an export: intact is 0 and remembered in the state file, a
 * finding is printed and 1, a checkpoint not signed by the key is a bad signature, and a
 * later run refuses a checkpoint older than the one it accepted.
 */
class MainTest {

	@TempDir
	Path directory;

	private final KeyPair pair;

	private final SignedNote.VerifierKey key;

	MainTest() throws Exception {
		pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		key = SignedNote.VerifierKey.of("library.example/audit", pair.getPublic());
	}

	@Test
	void anIntactTrailIsZeroAndItsCheckpointIsKeptForTheNextRun() throws Exception {
		Path state = directory.resolve("state");
		assertThat(run(export(trail(30), 30, pair), "--state=" + state)).startsWith("0 intact: 30 events");
		assertThat(Files.readString(state)).startsWith("30\n");

		assertThat(run(export(trail(40), 40, pair), "--state=" + state))
			.startsWith("0 intact: 40 events under the checkpoint of library.example/audit, grown from the 30");
		assertThat(run(export(trail(40), 20, pair), "--state=" + state)).startsWith("1 rolled-back 20");
	}

	@Test
	void eachFindingIsALineAndTheAnswerIsOne() throws Exception {
		List<TrailEntry> trail = trail(30);
		Path export = export(trail, 30, pair);
		// the export holds each leaf as a JSON string: its quotes are escaped
		String edited = Files.readString(export).replace("reader-7\\\"", "nobody\\\"");
		Files.writeString(export, edited);
		assertThat(run(export)).isEqualTo("1 edited 7\n");
	}

	@Test
	void aCheckpointKeptElsewhereIsOneTheTrailMustHaveGrownFrom() throws Exception {
		List<TrailEntry> trail = trail(40);
		Path kept = directory.resolve("checkpoint.note");
		Files.writeString(kept,
				SignedNote.sign(
						new Checkpoint("library.example/audit", 30,
								Merkle.root(trail.subList(0, 30).stream().map(TrailEntry::leafHash).toList()))
							.body(),
						pair.getPrivate(), key));
		assertThat(run(export(trail, 40, pair), "--checkpoint=" + kept)).startsWith("0 intact: 40 events")
			.contains("grown from the 30");
		assertThat(run(export(trail, 20, pair), "--checkpoint=" + kept)).startsWith("1 rolled-back 20");

		List<TrailEntry> rewritten = new ArrayList<>(trail);
		TrailEntry third = trail.get(3);
		rewritten.set(3, new TrailEntry(3, third.id(), third.occurredAt(), third.recordedAt(), third.source(), "nobody",
				third.action(), third.entityType(), third.entityId(), third.details(), third.traceId()));
		assertThat(run(export(rewritten, 40, pair), "--checkpoint=" + kept)).startsWith("1 forked 30");

		Files.writeString(kept, SignedNote.sign(new Checkpoint("library.example/audit", 30, new byte[32]).body(),
				KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate(), key));
		assertThat(run(export(trail, 40, pair), "--checkpoint=" + kept)).startsWith("1 bad-signature 0");
	}

	@Test
	void aCheckpointNotSignedByTheKeyIsABadSignature() throws Exception {
		Path export = export(trail(5), 5, KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
		assertThat(run(export)).startsWith("1 bad-signature 0");
	}

	@Test
	void withoutWhatItNeedsItSaysHowToRunIt() {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		assertThat(Main.run(new String[] { "--export=x" }, System.out, new PrintStream(err), null)).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: java -jar audit-verifier.jar");
	}

	private String run(Path export, String... more) {
		List<String> args = new ArrayList<>(List.of("--key=" + key, "--export=" + export));
		args.addAll(List.of(more));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int code = Main.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8), System.err,
				null);
		return code + " " + out.toString(StandardCharsets.UTF_8);
	}

	/**
	 * An export of the first {@code signed} events of {@code trail} under a checkpoint
	 * signed by {@code signer}.
	 */
	private Path export(List<TrailEntry> trail, int signed, KeyPair signer) throws Exception {
		List<byte[]> hashes = trail.stream().map(TrailEntry::leafHash).toList();
		Checkpoint checkpoint = new Checkpoint("library.example/audit", signed, Merkle.root(hashes.subList(0, signed)));
		String note = SignedNote.sign(checkpoint.body(), signer.getPrivate(),
				SignedNote.VerifierKey.of("library.example/audit", signer.getPublic()));
		List<TrailVerifier.Found> found = trail.stream()
			.map(entry -> new TrailVerifier.Found(entry.index(), new String(entry.leaf(), StandardCharsets.UTF_8)))
			.toList();
		Path file = Files.createTempFile(directory, "export", ".ndjson");
		new Main.Export(note, found, hashes).write(file);
		return file;
	}

	private static List<TrailEntry> trail(int size) {
		List<TrailEntry> trail = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			Instant at = Instant.parse("2026-12-01T00:00:00Z").plusSeconds(i);
			trail.add(new TrailEntry(i, UUID.nameUUIDFromBytes(("event " + i).getBytes(StandardCharsets.UTF_8)), at, at,
					"book-inventory-service", "reader-" + i, "LoanOpened", "Book", "b" + i, Map.of(), null));
		}
		return trail;
	}

}
