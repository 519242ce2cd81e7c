package org.library.contracts;

import java.util.List;

/**
 * The CloudEvents 1.0 attributes every record carries, as Kafka headers in the binary
 * content mode ({@code ce_} prefix), plus {@code ce_actor}, the suite's extension.
 */
public final class CloudEventHeaders {

	public static final String SPEC_VERSION = "ce_specversion";

	public static final String ID = "ce_id";

	public static final String SOURCE = "ce_source";

	public static final String TYPE = "ce_type";

	public static final String TIME = "ce_time";

	/**
	 * Who made the change, as the producing service read it from the caller's token.
	 * Advisory for anyone else: a consumer trusts the topic for who sent a record, not a
	 * header.
	 */
	public static final String ACTOR = "ce_actor";

	/** The value of {@link #SPEC_VERSION}. */
	public static final String VERSION_1_0 = "1.0";

	/** Every header a record carries, in the order the AsyncAPI document lists them. */
	public static final List<String> REQUIRED = List.of(SPEC_VERSION, ID, SOURCE, TYPE, TIME, ACTOR);

	private CloudEventHeaders() {
	}

}
