package app.go.local.dynamodb.ops;

import app.go.local.dynamodb.DynamoException;
import app.go.local.dynamodb.expr.Condition;
import app.go.local.dynamodb.expr.ExpressionContext;
import app.go.local.dynamodb.expr.ExpressionParser;
import app.go.local.dynamodb.expr.Path;
import app.go.local.dynamodb.value.Values;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reading request members the way DynamoDB validates them. */
final class Params {
    static final long MAX_ITEM_BYTES = 400 * 1024;

    private Params() {}

    static String required(JsonNode request, String member) {
        JsonNode value = request.get(member);
        if (value == null || value.isNull()) {
            String wireName = Character.toLowerCase(member.charAt(0)) + member.substring(1);
            throw DynamoException.validation("1 validation error detected: Value null at '" + wireName
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return value.asText();
    }

    static String optional(JsonNode request, String member) {
        JsonNode value = request.get(member);
        return value == null || value.isNull() ? null : value.asText();
    }

    static String oneOf(JsonNode request, String member, String fallback, Set<String> allowed) {
        String value = request.path(member).asText(fallback);
        if (!allowed.contains(value)) {
            String wireName = Character.toLowerCase(member.charAt(0)) + member.substring(1);
            throw DynamoException.validation("1 validation error detected: Value '" + value + "' at '" + wireName
                    + "' failed to satisfy constraint: Member must satisfy enum value set: " + allowed);
        }
        return value;
    }

    /** An item from a request, every value checked and in canonical form. */
    static ObjectNode item(JsonNode item) {
        if (item == null || !item.isObject()) {
            throw DynamoException.validation("1 validation error detected: Value null at 'item' failed to satisfy constraint: Member must not be null");
        }
        ObjectNode canonical = Values.JSON.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            canonical.set(field.getKey(), Values.canonical(field.getValue()));
        }
        return canonical;
    }

    static void checkItemSize(ObjectNode item, boolean update) {
        if (Values.itemSize(item) > MAX_ITEM_BYTES) {
            throw DynamoException.validation(update ? "Item size to update has exceeded the maximum allowed size"
                    : "Item size has exceeded the maximum allowed size");
        }
    }

    static Condition condition(JsonNode request, String member, ExpressionContext context) {
        String text = optional(request, member);
        return text == null ? null : ExpressionParser.condition(text, member, context);
    }

    static List<Path> projection(JsonNode request, ExpressionContext context) {
        String text = optional(request, "ProjectionExpression");
        return text == null ? null : ExpressionParser.projection(text, context);
    }
}
