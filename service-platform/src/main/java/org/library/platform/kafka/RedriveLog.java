package org.library.platform.kafka;

import java.util.List;

/**
 * Where a service records that an operator redrove dead letters: in the audit trail,
 * under the operator's name (the caller of the actuator endpoint).
 */
@FunctionalInterface
public interface RedriveLog {

	/**
	 * @param deadLetterTopic where the dead letters were
	 * @param target the redrive topic they were sent to
	 * @param records which, as {@code <dead-letter topic>@<offset>}
	 */
	void redriven(String deadLetterTopic, String target, List<String> records);

}
