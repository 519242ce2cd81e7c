package org.library.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The published contract documents. They sit under {@code META-INF/resources/contracts/}
 * in this jar, so every service serves them at {@code /contracts/...} with no code of its
 * own.
 */
public final class EventContracts {

	/** The AsyncAPI 3 document of every topic. */
	public static final String ASYNCAPI = "asyncapi.yaml";

	/** The JSON Schema of a record's value on {@link Topics#CATALOG_BOOKS}. */
	public static final String BOOK_SNAPSHOT_SCHEMA = "schemas/book-snapshot.schema.json";

	/** The JSON Schema of an audit event. */
	public static final String AUDIT_EVENT_SCHEMA = "schemas/audit-event.schema.json";

	private static final String LOCATION = "/META-INF/resources/contracts/";

	private EventContracts() {
	}

	/** One of the documents above, e.g. {@link #ASYNCAPI}; the caller closes it. */
	public static InputStream open(String document) {
		InputStream in = EventContracts.class.getResourceAsStream(LOCATION + document);
		if (in == null) {
			throw new IllegalArgumentException("no contract document " + document);
		}
		return in;
	}

	/** One of the documents above as text. */
	public static String read(String document) {
		try (InputStream in = open(document)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
