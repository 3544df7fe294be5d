package org.evergreen.till;

import org.evergreen.till.TillApiProblems.TillApiException;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a till's JSON body into a request record, refusing rather than guessing: the body must be UTF-8, each field
 * may appear once, every field must be one the record has, and every value must be of its field's JSON type (a string
 * is a string, a number a number, a boolean a boolean: nothing is coerced), with text that is valid Unicode. A refusal
 * names the field ({@code lines[0].name}). Nothing is read into a record before the whole body passed.
 */
final class StrictJson {

    private static final String MALFORMED = "malformed-request";
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate Object property \"(.*)\"");

    private static final JsonMapper TREES = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final JsonMapper RECORDS = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    /** The JSON type each Java field type must arrive as; the message key names it in the caller's language. */
    private enum JsonType {
        STRING, INTEGER, NUMBER, BOOLEAN, ARRAY, OBJECT;

        String messageKey() {
            return "api.json.type." + name().toLowerCase();
        }
    }

    private static final Map<Class<?>, JsonType> SCALARS = Map.of(
            String.class, JsonType.STRING, Instant.class, JsonType.STRING,
            int.class, JsonType.INTEGER, Integer.class, JsonType.INTEGER, long.class, JsonType.INTEGER, Long.class, JsonType.INTEGER,
            BigDecimal.class, JsonType.NUMBER, boolean.class, JsonType.BOOLEAN, Boolean.class, JsonType.BOOLEAN);

    private StrictJson() {
    }

    static <T extends Record> T read(byte[] body, Class<T> type) {
        JsonNode tree = tree(utf8(body));
        if (!tree.isObject()) {
            throw new TillApiException(HttpStatus.BAD_REQUEST, MALFORMED, "api.problem.malformed-request.not-an-object.detail");
        }
        check(tree, type, "");
        try {
            return RECORDS.treeToValue(tree, type);
        } catch (JacksonException unreadable) {
            // Of the right JSON type but not readable as its field (a time that is not ISO-8601, a number out of range).
            String field = unreadable.getPath().stream().map(reference -> reference.getPropertyName() != null
                    ? "." + reference.getPropertyName() : "[" + reference.getIndex() + "]").collect(Collectors.joining());
            throw refusal("invalid-value", field.startsWith(".") ? field.substring(1) : field);
        }
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException notUtf8) {
            throw new TillApiException(HttpStatus.BAD_REQUEST, MALFORMED, "api.problem.malformed-request.encoding.detail");
        }
    }

    private static JsonNode tree(String text) {
        try {
            JsonNode tree = TREES.readTree(text);
            if (tree == null || tree.isMissingNode()) {
                throw new TillApiException(HttpStatus.BAD_REQUEST, MALFORMED, "api.problem.malformed-request.syntax.detail");
            }
            return tree;
        } catch (StreamReadException unreadable) {
            Matcher duplicate = DUPLICATE.matcher(unreadable.getOriginalMessage());
            if (duplicate.matches() && unreadable.processor() instanceof JsonParser parser) {
                throw refusal("duplicate-field", pathOf(parser.streamReadContext().pathAsPointer().toString()));
            }
            throw new TillApiException(HttpStatus.BAD_REQUEST, MALFORMED, "api.problem.malformed-request.syntax.detail");
        } catch (JacksonException unreadable) {
            throw new TillApiException(HttpStatus.BAD_REQUEST, MALFORMED, "api.problem.malformed-request.syntax.detail");
        }
    }

    /** {@code /lines/0/name} as a till's programmer reads it: {@code lines[0].name}. */
    private static String pathOf(String pointer) {
        StringBuilder path = new StringBuilder();
        for (String step : pointer.substring(1).split("/")) {
            if (step.chars().allMatch(Character::isDigit) && !step.isEmpty()) {
                path.append('[').append(step).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(step.replace("~1", "/").replace("~0", "~"));
            }
        }
        return path.toString();
    }

    private static void check(JsonNode node, Type type, String path) {
        if (node.isNull()) {
            return; // whether a field may be left out is the service's rule, told in its own words
        }
        if (type instanceof Class<?> record && record.isRecord()) {
            requireType(node.isObject(), JsonType.OBJECT, path);
            List<String> fields = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
            for (String name : node.propertyNames()) {
                if (!fields.contains(name)) {
                    throw refusal("unknown-field", join(path, name));
                }
            }
            for (RecordComponent component : record.getRecordComponents()) {
                JsonNode value = node.get(component.getName());
                if (value != null) {
                    check(value, component.getGenericType(), join(path, component.getName()));
                }
            }
        } else if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            requireType(node.isArray(), JsonType.ARRAY, path);
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), list.getActualTypeArguments()[0], path + "[" + i + "]");
            }
        } else {
            JsonType expected = SCALARS.get(type);
            if (expected == null) {
                throw new IllegalStateException("A till request has a field of a type StrictJson cannot check: " + type);
            }
            boolean matches = switch (expected) {
                case STRING -> node.isString();
                case INTEGER -> node.isIntegralNumber();
                case NUMBER -> node.isNumber();
                case BOOLEAN -> node.isBoolean();
                case ARRAY, OBJECT -> false;
            };
            requireType(matches, expected, path);
            if (expected == JsonType.STRING && !isWellFormed(node.asString())) {
                throw refusal("invalid-text", path);
            }
        }
    }

    private static void requireType(boolean matches, JsonType expected, String path) {
        if (!matches) {
            throw new TillApiException(HttpStatus.BAD_REQUEST, MALFORMED, "api.problem.malformed-request.wrong-type.detail", path,
                    path, new TranslatedArgument(expected.messageKey()));
        }
    }

    /** No lone UTF-16 surrogate: JSON's {@code "\ud800"} escape can say what no UTF-8 text can, and the database would store "?". */
    private static boolean isWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static TillApiException refusal(String reason, String field) {
        return new TillApiException(HttpStatus.BAD_REQUEST, MALFORMED, "api.problem.malformed-request." + reason + ".detail", field, field);
    }
}
