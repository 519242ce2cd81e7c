package org.library.systemtests;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.library.contracts.CloudEventHeaders;
import org.library.contracts.EventContracts;
import org.library.contracts.Topics;
import org.library.infrastructure.KafkaOwnership;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AsyncAPI document of the contracts module hangs together: every topic, their
 * CloudEvents headers, and a JSON Schema file behind every payload. (That real records
 * match those schemas is checked by the services' tests.)
 */
class AsyncApiDocumentTest {

	@Test
	@SuppressWarnings("unchecked")
	void describesEveryTopicWithItsHeadersAndPayloadSchemas() {
		String text = EventContracts.read(EventContracts.ASYNCAPI);
		Map<String, Object> document = new Yaml().load(text);

		assertThat(document.get("asyncapi")).isEqualTo("3.0.0");
		Map<String, Map<String, Object>> channels = (Map<String, Map<String, Object>>) document.get("channels");
		assertThat(channels.values()).extracting(channel -> channel.get("address"))
			.containsExactlyInAnyOrder(Topics.CATALOG_BOOKS, Topics.AUDIT_PREFIX + "{service}",
					Topics.AUDIT_CHECKPOINTS);
		// one audit topic per writing service, each written by that service alone
		Map<String, Object> service = (Map<String, Object>) ((Map<String, Object>) channels.get("audit")
			.get("parameters")).get("service");
		KafkaOwnership ownership = KafkaOwnership.load();
		assertThat(ownership.principals()
			.stream()
			.filter(principal -> ownership.topicsWrittenBy(principal).contains(Topics.AUDIT_CHECKPOINTS)))
			.containsExactly("audit-service");
		assertThat((List<String>) service.get("enum")).containsExactlyInAnyOrderElementsOf(ownership.principals()
			.stream()
			.filter(principal -> ownership.topicsWrittenBy(principal).contains(Topics.auditTopicOf(principal)))
			.toList());
		Map<String, Object> headers = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) document
			.get("components")).get("schemas")).get("cloudEventsHeaders");
		assertThat((List<String>) headers.get("required")).containsExactlyElementsOf(CloudEventHeaders.REQUIRED);

		List<String> references = new ArrayList<>();
		Matcher reference = Pattern.compile("\\$ref: '\\./(schemas/[^']+)'").matcher(text);
		while (reference.find()) {
			references.add(reference.group(1));
		}
		assertThat(references).containsExactlyInAnyOrder(EventContracts.BOOK_SNAPSHOT_SCHEMA,
				EventContracts.AUDIT_EVENT_SCHEMA);
		for (String schema : references) {
			Map<String, Object> json = new Yaml().load(EventContracts.read(schema));
			assertThat(json).as(schema).containsKeys("$schema", "required", "properties");
		}
	}

}
