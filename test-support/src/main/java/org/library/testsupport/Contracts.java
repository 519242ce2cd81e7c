package org.library.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import org.library.contracts.EventContracts;

/**
 * The published event contracts ({@link EventContracts}) as checks: tests hold real
 * records taken from the broker against them, so the documents cannot drift from the
 * code.
 */
public final class Contracts {

	public static final String BOOK_SNAPSHOT = EventContracts.BOOK_SNAPSHOT_SCHEMA;

	public static final String AUDIT_EVENT = EventContracts.AUDIT_EVENT_SCHEMA;

	private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
			// formats (uuid, date-time) are checked, not only annotated
			builder -> builder
				.schemaRegistryConfig(new SchemaRegistryConfig.Builder().formatAssertionsEnabled(true).build()));

	private Contracts() {
	}

	/**
	 * What is wrong with {@code json} according to the schema, one line per problem;
	 * empty when it conforms.
	 */
	public static List<String> violations(String schemaFile, String json) {
		return schema(schemaFile).validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
	}

	private static Schema schema(String schemaFile) {
		try (InputStream in = EventContracts.open(schemaFile)) {
			return REGISTRY.getSchema(in, InputFormat.JSON);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
