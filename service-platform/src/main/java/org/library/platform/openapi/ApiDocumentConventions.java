package org.library.platform.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.http.HttpStatus;

/**
 * What every service's API document says alike, so a client generated from it knows every
 * answer: the title, description, version and license; the RFC 9457 problem schema; the
 * refusals every operation can give (400 for a malformed request, 413 and 415 for a body)
 * next to those its controller declares; and for every 4xx, the problem media type with
 * its schema and an example. A service's controllers declare the rest (summaries,
 * descriptions, their own 404, 409, 412, 428).
 */
class ApiDocumentConventions implements OpenApiCustomizer {

	static final String PROBLEM = "Problem";

	static final String PROBLEM_JSON = "application/problem+json";

	private final Info info;

	ApiDocumentConventions(String title, String description, String version) {
		this.info = new Info().title(title)
			.description(description)
			.version(version)
			.license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0"));
	}

	@Override
	public void customise(OpenAPI api) {
		api.setInfo(info);
		if (api.getComponents() == null) {
			api.setComponents(new Components());
		}
		api.getComponents().addSchemas(PROBLEM, problemSchema());
		if (api.getPaths() == null) {
			return;
		}
		api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
			ApiResponses responses = operation.getResponses();
			refusal(responses, HttpStatus.BAD_REQUEST, "The request is malformed, or a parameter, header or field is "
					+ "invalid: each one is named in errors, and nothing changed.");
			if (operation.getRequestBody() != null) {
				refusal(responses, HttpStatus.CONTENT_TOO_LARGE, "The body is larger than the service accepts (1 MB).");
				refusal(responses, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The body is not application/json.");
			}
			responses.forEach((code, response) -> {
				if (code.startsWith("4")) {
					problemContent(response, Integer.parseInt(code), path, method);
				}
			});
		}));
	}

	private static void refusal(ApiResponses responses, HttpStatus status, String description) {
		responses.computeIfAbsent(Integer.toString(status.value()), code -> new ApiResponse().description(description));
	}

	/**
	 * Every refusal is a problem: the schema, and an example of this one unless the
	 * controller gave its own.
	 */
	private static void problemContent(ApiResponse response, int status, String path, PathItem.HttpMethod method) {
		Content content = response.getContent();
		if (content == null || !content.containsKey(PROBLEM_JSON)) {
			content = new Content().addMediaType(PROBLEM_JSON, new MediaType());
			response.setContent(content);
		}
		MediaType problem = content.get(PROBLEM_JSON);
		problem.setSchema(new Schema<>().$ref("#/components/schemas/" + PROBLEM));
		if (problem.getExample() == null && (problem.getExamples() == null || problem.getExamples().isEmpty())) {
			Map<String, Object> example = new LinkedHashMap<>();
			example.put("type", "about:blank");
			example.put("title", HttpStatus.valueOf(status).getReasonPhrase());
			example.put("status", status);
			example.put("detail", response.getDescription());
			example.put("instance", path);
			if (status == 400) {
				example.put("errors", List.of(Map.of("field", "size", "message", "must be less than or equal to 100")));
			}
			problem.setExample(example);
		}
	}

	private static Schema<?> problemSchema() {
		ObjectSchema error = new ObjectSchema();
		error.addProperty("field", new StringSchema().description("The field, parameter or header that is wrong"));
		error.addProperty("message", new StringSchema().description("What is wrong with it"));
		ObjectSchema problem = new ObjectSchema();
		problem.description("An RFC 9457 problem: why the request was refused. Nothing changed.");
		problem.addProperty("type", new StringSchema().description("A URI naming the kind of problem"));
		problem.addProperty("title", new StringSchema().description("The kind of problem, in words"));
		problem.addProperty("status", new IntegerSchema().description("The HTTP status"));
		problem.addProperty("detail", new StringSchema().description("This occurrence, in words"));
		problem.addProperty("instance", new StringSchema().description("The request's path"));
		problem.addProperty("errors",
				new ArraySchema().items(error).description("For 400: each invalid field, parameter or header"));
		problem.required(List.of("title", "status"));
		return problem;
	}

}
