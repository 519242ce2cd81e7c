package org.library.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.library.verifier.Checkpoint;
import org.library.verifier.InvalidProof;
import org.library.verifier.Merkle;
import org.library.verifier.SignedNote;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signs a checkpoint of the Merkle log every few seconds when it has grown
 * ({@code library.audit.checkpoint-interval}, 5s): its origin, size and root, as a C2SP
 * signed note. It never signs a tree that is not consistent with the last checkpoint it
 * signed: the consistency proof between the two, built from the stored tree, must hold,
 * or nothing is signed and the refusal is logged. Several instances may sign the same
 * size; Ed25519 gives them the same note.
 */
public class Checkpoints {

	private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);

	private final MerkleLog tree;

	private final JdbcClient jdbc;

	private final CheckpointKey key;

	private final String origin;

	/** Why the last signing was refused, until one succeeds. */
	private volatile String refusal;

	Checkpoints(MerkleLog tree, JdbcClient jdbc, CheckpointKey key, String origin) {
		this.tree = tree;
		this.jdbc = jdbc;
		this.key = key;
		this.origin = origin;
	}

	@Scheduled(fixedDelayString = "${library.audit.checkpoint-interval:5s}",
			initialDelayString = "${library.audit.checkpoint-interval:5s}")
	void signWhenGrown() {
		try {
			signLatest();
		}
		catch (InconsistentTree ex) {
			log.error("No checkpoint signed: {}", ex.getMessage());
		}
		catch (RuntimeException ex) {
			log.warn("No checkpoint signed this time: {}", ex.toString());
		}
	}

	/**
	 * The latest signed checkpoint, signing one first if the log has grown since.
	 * @throws InconsistentTree if the stored tree does not extend the last checkpoint
	 */
	@Transactional
	public String signLatest() {
		long size = tree.size();
		Optional<Signed> last = last();
		if (last.isPresent() && last.get().size() >= size) {
			return last.get().note();
		}
		byte[] root = tree.root(size);
		if (last.isPresent() && last.get().size() > 0) {
			long previous = last.get().size();
			List<byte[]> proof = tree.consistencyProof(previous, size);
			try {
				Merkle.verifyConsistency(previous, size, proof, last.get().root(), root);
			}
			catch (InvalidProof ex) {
				refusal = "the tree of " + size + " does not extend the checkpoint of " + previous;
				throw new InconsistentTree(refusal + ": " + ex.getMessage());
			}
		}
		String note = key.sign(new Checkpoint(origin, size, root).body());
		jdbc.sql("INSERT INTO checkpoint (size, root, note) VALUES (?, ?, ?) ON CONFLICT (size) DO NOTHING")
			.params(size, root, note)
			.update();
		refusal = null;
		return note;
	}

	/**
	 * Why the last signing was refused, if it was: the stored tree was rewritten, and no
	 * checkpoint is signed until it is put back.
	 */
	public Optional<String> refusal() {
		return Optional.ofNullable(refusal);
	}

	/** The key that opens the checkpoints: {@code <origin>+<key id>+<key>}. */
	public SignedNote.VerifierKey verifierKey() {
		return key.verifierKey();
	}

	/**
	 * The checkpoints signed and not yet published, oldest first: the checkpoint table is
	 * its own outbox.
	 */
	@Transactional(readOnly = true)
	public List<Unpublished> unpublished(int limit) {
		return jdbc.sql("SELECT size, note, signed_at FROM checkpoint WHERE published_at IS NULL ORDER BY size LIMIT ?")
			.param(limit)
			.query((row, n) -> new Unpublished(row.getLong("size"), row.getString("note"),
					row.getTimestamp("signed_at").toInstant()))
			.list();
	}

	/** The checkpoint of {@code size} is on its topic. */
	@Transactional
	public void published(long size) {
		jdbc.sql("UPDATE checkpoint SET published_at = now() WHERE size = ? AND published_at IS NULL")
			.param(size)
			.update();
	}

	/** The log's name in its checkpoints. */
	public String origin() {
		return origin;
	}

	/** A signed checkpoint waiting to be published. */
	public record Unpublished(long size, String note, Instant signedAt) {
	}

	private Optional<Signed> last() {
		return jdbc.sql("SELECT size, root, note FROM checkpoint ORDER BY size DESC LIMIT 1")
			.query((row, n) -> new Signed(row.getLong("size"), row.getBytes("root"), row.getString("note")))
			.optional();
	}

	private record Signed(long size, byte[] root, String note) {
	}

	/** The stored tree does not extend the last signed checkpoint: it was rewritten. */
	public static class InconsistentTree extends RuntimeException {

		InconsistentTree(String reason) {
			super(reason);
		}

	}

}
