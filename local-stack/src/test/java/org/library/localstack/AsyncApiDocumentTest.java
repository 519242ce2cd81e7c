package org.library.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.library.infrastructure.KafkaOwnership;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AsyncAPI document in contracts/ hangs together: both topics, their CloudEvents
 * headers, and a JSON Schema file behind every payload. (That real records match those
 * schemas is checked by the services' tests.)
 */
class AsyncApiDocumentTest {

	private static final Path CONTRACTS = Path.of("").toAbsolutePath().getParent().resolve("contracts");

	@Test
	@SuppressWarnings("unchecked")
	void describesBothTopicsWithTheirHeadersAndPayloadSchemas() throws IOException {
		String text = Files.readString(CONTRACTS.resolve("asyncapi.yaml"));
		Map<String, Object> document = new Yaml().load(text);

		assertThat(document.get("asyncapi")).isEqualTo("3.0.0");
		Map<String, Map<String, Object>> channels = (Map<String, Map<String, Object>>) document.get("channels");
		assertThat(channels.values()).extracting(channel -> channel.get("address"))
			.containsExactlyInAnyOrder("library.catalog.books", "library.audit.{service}");
		// one audit topic per writing service, each written by that service alone
		Map<String, Object> service = (Map<String, Object>) ((Map<String, Object>) channels.get("audit")
			.get("parameters")).get("service");
		KafkaOwnership ownership = KafkaOwnership.load();
		assertThat((List<String>) service.get("enum")).containsExactlyInAnyOrderElementsOf(ownership.principals()
			.stream()
			.filter(principal -> ownership.topicsWrittenBy(principal).contains("library.audit." + principal))
			.toList());
		Map<String, Object> headers = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) document
			.get("components")).get("schemas")).get("cloudEventsHeaders");
		assertThat((List<String>) headers.get("required")).containsExactly("ce_specversion", "ce_id", "ce_source",
				"ce_type", "ce_time", "ce_actor");

		List<String> references = new ArrayList<>();
		Matcher reference = Pattern.compile("\\$ref: '\\./(schemas/[^']+)'").matcher(text);
		while (reference.find()) {
			references.add(reference.group(1));
		}
		assertThat(references).containsExactlyInAnyOrder("schemas/book-snapshot.schema.json",
				"schemas/audit-event.schema.json");
		for (String schema : references) {
			Map<String, Object> json = new Yaml().load(Files.readString(CONTRACTS.resolve(schema)));
			assertThat(json).as(schema).containsKeys("$schema", "required", "properties");
		}
	}

}
