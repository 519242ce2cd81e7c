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

/**
 * The published event contracts (contracts/ in the repository) as checks: tests hold real
 * records taken from the broker against them, so the documents cannot drift from the
 * code.
 */
public final class Contracts {

	public static final String BOOK_SNAPSHOT = "book-snapshot.schema.json";

	public static final String AUDIT_EVENT = "audit-event.schema.json";

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
		try (InputStream in = Contracts.class.getResourceAsStream("/contracts/schemas/" + schemaFile)) {
			if (in == null) {
				throw new IllegalArgumentException("no contract " + schemaFile);
			}
			return REGISTRY.getSchema(in, InputFormat.JSON);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
