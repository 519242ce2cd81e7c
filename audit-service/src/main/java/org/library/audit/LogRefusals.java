package org.library.audit;

import org.library.platform.refusal.Refusal;

/** What the Merkle log refuses to prove. */
public final class LogRefusals {

	private LogRefusals() {
	}

	/** The event is not in the tree asked about: never stored, or stored after it. */
	public static final class NotInTree extends Refusal {

		NotInTree(String what, long size) {
			super("not-in-tree", "Not in that tree", what + " is not in the log's tree of " + size);
			set("treeSize", size);
		}

	}

	/** A tree the log has not grown to yet, or sizes that no proof joins. */
	public static final class NoSuchTree extends Refusal {

		NoSuchTree(String detail, long size) {
			super("no-such-tree", "No such tree", detail);
			set("logSize", size);
		}

	}

}
