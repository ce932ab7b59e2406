package app.go.support.queue;

import app.go.support.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON body of every queue message the system writes: the payload's fields plus
 * {@code schemaVersion}. Reading checks the version and the required fields, so a record that can
 * never succeed is recognised at once ({@link PoisonRecordException}) instead of being retried.
 * A body without {@code schemaVersion} is read as version 1 (messages queued before it existed).
 */
public final class QueueEnvelope {
    public static final int SCHEMA_VERSION = 1;
    public static final String SCHEMA_VERSION_FIELD = "schemaVersion";

    private QueueEnvelope() {}

    /** The body to send: {@code payload} as a JSON object with the current schema version. */
    public static String seal(Object payload) {
        JsonNode node = Json.MAPPER.valueToTree(payload);
        if (!(node instanceof ObjectNode object)) {
            throw new IllegalArgumentException("a queue message must be a JSON object");
        }
        object.put(SCHEMA_VERSION_FIELD, SCHEMA_VERSION);
        return Json.write(object);
    }

    /** The body as a JSON object of a known schema version whose {@code required} fields are non-blank strings. */
    public static JsonNode open(String body, String... required) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body == null ? "" : body);
        } catch (Exception e) {
            throw new PoisonRecordException("unparseable JSON: " + firstLine(e.getMessage()), e);
        }
        if (node == null || !node.isObject()) {
            throw new PoisonRecordException("not a JSON object");
        }
        JsonNode version = node.get(SCHEMA_VERSION_FIELD);
        if (version != null && !(version.isIntegralNumber() && version.intValue() == SCHEMA_VERSION)) {
            throw new PoisonRecordException("unknown schemaVersion " + version + " (this consumer reads " + SCHEMA_VERSION + ")");
        }
        for (String field : required) {
            JsonNode value = node.get(field);
            if (value == null || !value.isTextual() || value.asText().isBlank()) {
                throw new PoisonRecordException("missing required field " + field);
            }
        }
        return node;
    }

    /** {@link #open} then the payload as {@code type}. */
    public static <T> T open(String body, Class<T> type, String... required) {
        JsonNode node = open(body, required);
        try {
            return Json.MAPPER.treeToValue(node, type);
        } catch (Exception e) {
            throw new PoisonRecordException("not a " + type.getSimpleName() + ": " + firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
