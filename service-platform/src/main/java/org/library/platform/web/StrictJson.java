package org.library.platform.web;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * How request bodies are read: strictly, so that what a client meant and what the service
 * stored never differ. An unknown property (a typo in a field name), a duplicate key,
 * trailing content, a number where text belongs or text where a number belongs, a
 * fraction where a whole number belongs, or a control character in any text is a 400
 * naming the field, never a silent guess. Responses and events are written, and events
 * read, with the service's usual mapper: readers of events stay tolerant of fields added
 * later.
 */
final class StrictJson {

	private StrictJson() {
	}

	static JsonMapper forRequests(JsonMapper json) {
		return json.rebuild()
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
					DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.addModule(new SimpleModule("strict-text").addDeserializer(String.class, new Text()))
			.build();
	}

	/**
	 * Whether {@code text} holds a control character; tab, line feed and carriage return
	 * are text.
	 */
	static boolean hasControlCharacter(String text, boolean allowLineBreaks) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean lineBreak = c == '\t' || c == '\n' || c == '\r';
			if ((c < 0x20 && !(allowLineBreaks && lineBreak)) || (c >= 0x7F && c <= 0x9F)) {
				return true;
			}
		}
		return false;
	}

	/** Text only from a JSON string, and never with a control character in it. */
	private static final class Text extends StdScalarDeserializer<String> {

		Text() {
			super(String.class);
		}

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			if (parser.currentToken() != JsonToken.VALUE_STRING) {
				return (String) context.handleUnexpectedToken(String.class, parser);
			}
			String text = parser.getString();
			if (hasControlCharacter(text, true)) {
				return (String) context.handleWeirdStringValue(String.class, text,
						"must not contain control characters");
			}
			return text;
		}

	}

}
