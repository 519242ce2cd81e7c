package org.library.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Takes stored events into the Merkle log a moment after they are stored, as Trillian's
 * and Tessera's integrators do, rather than in the transaction that stores them: an
 * append then holds the trail's lock only for its insert, and the hashing of one batch
 * runs beside the insert of the next. The log's checkpoints are signed from what is
 * integrated, so an event is provable within {@code library.audit.integrate-interval}
 * (200 ms) of being stored, and signed within the checkpoint interval after that.
 */
@Component
class LogIntegrator {

	private static final Logger log = LoggerFactory.getLogger(LogIntegrator.class);

	private final MerkleLog tree;

	private String lastFailure;

	LogIntegrator(MerkleLog tree) {
		this.tree = tree;
	}

	@Scheduled(fixedDelayString = "${library.audit.integrate-interval:200ms}")
	void integrate() {
		try {
			while (tree.grow() == MerkleLog.CATCH_UP) {
				// a long backlog, taken in one transaction of CATCH_UP leaves at a time
			}
			lastFailure = null;
		}
		catch (RuntimeException ex) {
			// said once, not five times a second, while the same thing stops it
			String failure = ex.toString();
			if (!failure.equals(lastFailure)) {
				log.warn("The log stopped growing, tried again every interval: {}", failure);
			}
			lastFailure = failure;
		}
	}

}
