package org.library.testsupport;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * What a frontend developer needs of an API document to generate a client from it, in the
 * spirit of a standard OpenAPI linter's recommended rules: an info block with a
 * description and a license; security schemes; every operation with a unique operationId,
 * a tag described at the top, a summary and a description, a success response and at
 * least one 4xx; and every 4xx as {@code application/problem+json} with a schema and an
 * example.
 */
public final class ApiDocumentRules {

	private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

	private ApiDocumentRules() {
	}

	/** Every rule the document breaks, one line each; none for a good document. */
	public static List<String> violations(JsonNode api) {
		List<String> violations = new ArrayList<>();
		JsonNode info = api.path("info");
		for (String field : List.of("title", "description", "version")) {
			if (info.path(field).asString("").isBlank()) {
				violations.add("info has no " + field);
			}
		}
		if (info.path("license").path("name").asString("").isBlank()
				|| info.path("license").path("url").isMissingNode()) {
			violations.add("info has no license with a name and a url");
		}
		if (api.path("components").path("securitySchemes").isEmpty()) {
			violations.add("no security scheme");
		}
		Set<String> describedTags = new HashSet<>();
		api.path("tags").forEach(tag -> {
			if (!tag.path("description").asString("").isBlank()) {
				describedTags.add(tag.path("name").asString());
			}
		});
		Set<String> operationIds = new HashSet<>();
		for (Map.Entry<String, JsonNode> path : api.path("paths").properties()) {
			for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
				if (!METHODS.contains(method.getKey())) {
					continue;
				}
				String name = method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
				operation(name, method.getValue(), describedTags, operationIds, violations);
			}
		}
		return violations;
	}

	private static void operation(String name, JsonNode operation, Set<String> describedTags, Set<String> operationIds,
			List<String> violations) {
		String id = operation.path("operationId").asString("");
		if (id.isBlank() || !operationIds.add(id)) {
			violations.add(name + ": no operationId, or one another operation has");
		}
		for (String field : List.of("summary", "description")) {
			if (operation.path(field).asString("").isBlank()) {
				violations.add(name + ": no " + field);
			}
		}
		if (operation.path("tags").isEmpty()) {
			violations.add(name + ": no tag");
		}
		operation.path("tags").forEach(tag -> {
			if (!describedTags.contains(tag.asString())) {
				violations.add(name + ": tag " + tag.asString() + " is not described");
			}
		});
		JsonNode responses = operation.path("responses");
		List<String> codes = new ArrayList<>(responses.propertyNames());
		if (codes.stream().noneMatch(code -> code.startsWith("2") || code.startsWith("3"))) {
			violations.add(name + ": no success response");
		}
		if (codes.stream().noneMatch(code -> code.startsWith("4"))) {
			violations.add(name + ": no 4xx response");
		}
		for (String code : codes) {
			JsonNode response = responses.path(code);
			if (response.path("description").asString("").isBlank()) {
				violations.add(name + " " + code + ": no description");
			}
			if (code.startsWith("4")) {
				JsonNode problem = response.path("content").path("application/problem+json");
				if (problem.path("schema").isMissingNode()) {
					violations.add(name + " " + code + ": not application/problem+json with a schema");
				}
				if (problem.path("example").isMissingNode() && problem.path("examples").isEmpty()) {
					violations.add(name + " " + code + ": no example");
				}
			}
		}
	}

}
