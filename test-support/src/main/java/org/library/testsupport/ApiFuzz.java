package org.library.testsupport;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes a service through its own OpenAPI document: for every operation, requests whose
 * path and query parameters, headers and body fields take random, boundary and hostile
 * values (generated with jqwik), some of them valid, most not. For every request it
 * asserts what a client is promised: never a 5xx; every 4xx is
 * {@code application/problem+json}; a 4xx changed nothing (the service's rows and its
 * outbox are as before).
 */
public final class ApiFuzz {

	/**
	 * Text that has broken services before: control characters, escapes, injections, odd
	 * Unicode, huge.
	 */
	static final List<String> HOSTILE = List.of("", " ", "\u0000", "nul\u0000byte", "bell\u0007", "%00", "%zz",
			"\r\nX-Injected: 1", "'; DROP TABLE book; --", "../../etc/passwd", "😀📚", "Über Straße", "\u202Eevil",
			"null", "-1", "1e309", "NaN", "9".repeat(40), "a".repeat(10_001), "<script>alert(1)</script>", "\\", "%",
			"_", "*", "W/\"0\"", "\"0\"", UUID.randomUUID().toString());

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/** An operation without a body. */
	private static final String NO_BODY = new String("no body");

	private final Http http;

	private final JsonNode api;

	private final Supplier<Object> state;

	private final List<String> knownIds;

	private final Map<String, List<String>> knownValues = new HashMap<>();

	/**
	 * @param state what the service holds (its rows and its outbox), compared before and
	 * after each refused request
	 * @param knownIds ids of things the service has, so requests also reach past "not
	 * found"
	 */
	public ApiFuzz(Http http, Supplier<Object> state, List<String> knownIds) {
		this.http = http;
		this.api = http.get("/v3/api-docs").json();
		this.state = state;
		this.knownIds = knownIds;
	}

	/**
	 * Values of the parameter {@code name} that get past the checks before the
	 * interesting ones, such as the caller's own reader id, so most requests reach the
	 * service's own validation and storage.
	 */
	public ApiFuzz knowing(String name, String... values) {
		knownValues.put(name, List.of(values));
		return this;
	}

	/**
	 * Sends {@code tries} requests to every operation of the document, checking each.
	 * @return how many requests were sent
	 */
	public int run(int tries) {
		int sent = 0;
		for (Map.Entry<String, JsonNode> path : api.get("paths").properties()) {
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				String method = operation.getKey().toUpperCase(Locale.ROOT);
				Iterator<Request> requests = requests(path.getKey(), method, operation.getValue()).sampleStream()
					.limit(tries)
					.iterator();
				while (requests.hasNext()) {
					check(requests.next());
					sent++;
				}
			}
		}
		return sent;
	}

	/**
	 * What a writing service holds, for {@code state}: every row of its table (as a
	 * digest) and the last outbox event id taken, so a refused request that wrote a row
	 * or published an event shows.
	 */
	public static Supplier<Object> rowsAndOutbox(JdbcClient jdbc, String table, String orderBy) {
		return () -> List.of(jdbc
			.sql("SELECT coalesce(md5(string_agg(t::text, ',' ORDER BY " + orderBy + ")), '') FROM " + table + " t")
			.query(String.class)
			.single(), jdbc.sql("SELECT last_value FROM outbox_event_id_seq").query(Long.class).single());
	}

	/** One generated request. */
	record Request(String method, String path, List<String> headers, String body) {

		@Override
		public String toString() {
			return method + " " + path + " " + headers + (body == null ? "" : " " + abbreviated(body));
		}

		private static String abbreviated(String text) {
			return text.length() > 300 ? text.substring(0, 300) + "..." : text;
		}

	}

	private void check(Request request) {
		Object before = state.get();
		HttpRequest.Builder builder = http.builder(request.path());
		if (!request.headers().isEmpty()) {
			builder.headers(request.headers().toArray(String[]::new));
		}
		builder.method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(request.body()));
		Http.Response response = http.send(builder);

		assertThat(response.status()).as("%s answered %s", request, response.body()).isLessThan(500);
		if (response.status() >= 400) {
			assertThat(response.header("Content-Type")).as("%s answered %d", request, response.status())
				.startsWith("application/problem+json");
			assertThat(state.get()).as("%s was refused (%d) but changed something", request, response.status())
				.isEqualTo(before);
		}
	}

	/**
	 * A request that is valid but for one thing, so each hostile value gets past the
	 * other checks to where it could do harm: one parameter made wild, or the body bent
	 * by a {@link Mutation}.
	 */
	private Arbitrary<Request> requests(String template, String method, JsonNode operation) {
		List<JsonNode> parameters = new ArrayList<>();
		operation.path("parameters").forEach(parameters::add);
		List<Arbitrary<String>> valid = new ArrayList<>();
		List<Arbitrary<String>> wild = new ArrayList<>();
		for (JsonNode parameter : parameters) {
			JsonNode schema = parameter.path("schema");
			List<String> known = knownValues.get(parameter.path("name").asString());
			Arbitrary<String> value = known == null ? valid(schema)
					: Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(known)), Tuple.of(1, valid(schema)));
			// an optional parameter is mostly left out, so the wild one is often the only
			// one that could be wrong
			valid.add(parameter.path("required").asBoolean() ? value : value.injectNull(0.7));
			wild.add(Arbitraries.frequencyOf(Tuple.of(1, value), Tuple.of(2, wild(schema))));
		}
		JsonNode bodySchema = operation.path("requestBody").path("content").path("application/json").path("schema");
		Arbitrary<String> body = bodySchema.isMissingNode() ? Arbitraries.just(NO_BODY) : body(resolve(bodySchema));
		Arbitrary<Integer> target = Arbitraries.integers().between(-1, parameters.size() - 1);
		return target.flatMap(wildOne -> {
			List<Arbitrary<String>> parts = new ArrayList<>(valid);
			if (wildOne >= 0) {
				parts.set(wildOne, wild.get(wildOne));
			}
			return combine(parts);
		}).flatMap(values -> body.map(json -> request(template, method, parameters, values, json)));
	}

	private static Request request(String template, String method, List<JsonNode> parameters, List<String> values,
			String json) {
		String path = template;
		StringBuilder query = new StringBuilder();
		List<String> headers = new ArrayList<>();
		for (int i = 0; i < parameters.size(); i++) {
			JsonNode parameter = parameters.get(i);
			String name = parameter.get("name").asString();
			String value = values.get(i);
			switch (parameter.path("in").asString()) {
				case "path" -> path = path.replace("{" + name + "}", value == null || value.isEmpty() ? "x"
						: URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
				case "query" -> {
					if (value != null) {
						query.append(query.isEmpty() ? "?" : "&")
							.append(name)
							.append('=')
							.append(URLEncoder.encode(value, StandardCharsets.UTF_8));
					}
				}
				case "header" -> {
					if (value != null && value.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
						headers.add(name);
						headers.add(value);
					}
				}
				default -> {
				}
			}
		}
		if (json == NO_BODY) {
			return new Request(method, path + query, headers, null);
		}
		headers.add("Content-Type");
		headers.add("application/json");
		return new Request(method, path + query, headers, json);
	}

	private static Arbitrary<List<String>> combine(List<Arbitrary<String>> parts) {
		Arbitrary<List<String>> combined = Arbitraries.just(new ArrayList<>());
		for (Arbitrary<String> part : parts) {
			combined = combined.flatMap(list -> part.map(value -> {
				List<String> more = new ArrayList<>(list);
				more.add(value);
				return more;
			}));
		}
		return combined;
	}

	/** A parameter's value as text, valid for its schema. */
	private Arbitrary<String> valid(JsonNode schema) {
		return switch (schema.path("type").asString("string")) {
			case "integer" -> Arbitraries.longs()
				.between(schema.path("minimum").asLong(0), Math.min(schema.path("maximum").asLong(100), 10_000))
				.map(String::valueOf);
			case "array" -> valid(schema.path("items"));
			default -> "date-time".equals(schema.path("format").asString())
					? Arbitraries.longs().between(0, 4_102_444_800L).map(s -> Instant.ofEpochSecond(s).toString())
					: schema.has("enum") || "uuid".equals(schema.path("format").asString()) ? strings(schema)
							: Arbitraries.strings()
								.alpha()
								.numeric()
								.ofMinLength(1)
								.ofMaxLength(Math.min(schema.path("maxLength").asInt(20), 20));
		};
	}

	/** A parameter's value as text at or beyond its schema's bounds, or hostile. */
	private Arbitrary<String> wild(JsonNode schema) {
		Arbitrary<String> hostile = Arbitraries.of(HOSTILE);
		Arbitrary<String> bounds = switch (schema.path("type").asString("string")) {
			case "integer" -> integers(schema).map(String::valueOf);
			case "array" -> wild(schema.path("items"));
			default -> strings(schema);
		};
		return Arbitraries.frequencyOf(Tuple.of(1, bounds), Tuple.of(2, hostile));
	}

	private Arbitrary<Long> integers(JsonNode schema) {
		long min = schema.path("minimum").asLong(Integer.MIN_VALUE);
		long max = schema.path("maximum").asLong(Integer.MAX_VALUE);
		return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.longs().between(min, max)),
				Tuple.of(2, Arbitraries.of(min - 1, min, max, max + 1, 0L, -1L, Long.MAX_VALUE, Long.MIN_VALUE)));
	}

	private Arbitrary<String> strings(JsonNode schema) {
		if (schema.has("enum")) {
			List<String> values = new ArrayList<>();
			schema.get("enum").forEach(value -> values.add(value.asString()));
			return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(values)),
					Tuple.of(1, Arbitraries.strings().ofMaxLength(12)));
		}
		if ("uuid".equals(schema.path("format").asString())) {
			return knownIds.isEmpty() ? Arbitraries.create(() -> UUID.randomUUID().toString())
					: Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(knownIds)),
							Tuple.of(1, Arbitraries.create(() -> UUID.randomUUID().toString())));
		}
		int max = schema.path("maxLength").asInt(64);
		return Arbitraries.frequencyOf(
				Tuple.of(3, Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(Math.min(max, 40))),
				Tuple.of(1, Arbitraries.strings().ofLength(max + 1)),
				Tuple.of(1, Arbitraries.strings().all().ofMaxLength(20)));
	}

	/**
	 * A JSON body: mostly the schema's shape, with a field left out, added, mistyped or
	 * hostile.
	 */
	private Arbitrary<String> body(JsonNode schema) {
		Arbitrary<JsonNode> shaped = node(schema);
		Arbitrary<String> mutated = shaped
			.flatMap(node -> Arbitraries.of(Mutation.values()).flatMap(mutation -> mutation.apply(node, schema, this)));
		return Arbitraries.frequencyOf(Tuple.of(6, mutated),
				Tuple.of(1, Arbitraries.of("", "{", "[]", "null", "{} {}", "\"text\"", "{\"a\":1,\"a\":2}")));
	}

	private Arbitrary<JsonNode> node(JsonNode schema) {
		JsonNode resolved = resolve(schema);
		return switch (resolved.path("type").asString("object")) {
			case "integer" -> integers(resolved).map(NODES::numberNode);
			case "string" -> strings(resolved).map(NODES::stringNode);
			case "array" -> node(resolved.path("items")).list()
				.ofMaxSize(Math.min(resolved.path("maxItems").asInt(5), 5))
				.map(items -> {
					ArrayNode array = NODES.arrayNode();
					items.forEach(array::add);
					return (JsonNode) array;
				});
			default -> {
				Arbitrary<ObjectNode> object = Arbitraries.just(0).map(ignored -> NODES.objectNode());
				for (Map.Entry<String, JsonNode> property : resolved.path("properties").properties()) {
					Arbitrary<JsonNode> value = node(property.getValue());
					object = object.flatMap(built -> value.map(generated -> {
						ObjectNode copy = built.deepCopy();
						copy.set(property.getKey(), generated);
						return copy;
					}));
				}
				yield object.map(built -> (JsonNode) built);
			}
		};
	}

	private JsonNode resolve(JsonNode schema) {
		String ref = schema.path("$ref").asString(null);
		if (ref == null) {
			return schema;
		}
		return api.at(ref.substring(1));
	}

	/** How a body of the right shape is made wrong, or left alone. */
	private enum Mutation {

		NONE, DROP_A_FIELD, UNKNOWN_FIELD, WRONG_TYPE, HOSTILE_TEXT, NULL_FIELD;

		Arbitrary<String> apply(JsonNode node, JsonNode schema, ApiFuzz fuzz) {
			if (!(node instanceof ObjectNode object) || object.isEmpty()) {
				return Arbitraries.just(node.toString());
			}
			List<String> fields = new ArrayList<>(object.propertyNames());
			return Arbitraries.of(fields).flatMap(field -> Arbitraries.of(HOSTILE).map(hostile -> {
				ObjectNode copy = object.deepCopy();
				switch (this) {
					case DROP_A_FIELD -> copy.remove(field);
					case UNKNOWN_FIELD -> copy.put(field + "x", 1);
					case WRONG_TYPE ->
						copy.set(field, copy.get(field).isString() ? NODES.numberNode(1.5) : NODES.stringNode("1"));
					case HOSTILE_TEXT -> copy.put(field, hostile);
					case NULL_FIELD -> copy.putNull(field);
					default -> {
					}
				}
				return copy.toString();
			}));
		}

	}

}
