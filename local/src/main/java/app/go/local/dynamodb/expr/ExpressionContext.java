package app.go.local.dynamodb.expr;

import app.go.local.dynamodb.DynamoException;
import app.go.local.dynamodb.value.Values;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ExpressionAttributeNames and ExpressionAttributeValues of one request, shared by all its
 * expressions, and which of them the expressions used: DynamoDB rejects unused placeholders.
 */
public final class ExpressionContext {
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, JsonNode> values = new LinkedHashMap<>();
    private final Set<String> usedNames = new TreeSet<>();
    private final Set<String> usedValues = new TreeSet<>();
    private final boolean namesGiven;
    private final boolean valuesGiven;
    private String expressionKind = "Expression";
    private int expressionsParsed;

    /** @param request the request body; reads ExpressionAttributeNames / ExpressionAttributeValues */
    public ExpressionContext(JsonNode request) {
        JsonNode nameNode = request.get("ExpressionAttributeNames");
        JsonNode valueNode = request.get("ExpressionAttributeValues");
        namesGiven = nameNode != null && !nameNode.isNull();
        valuesGiven = valueNode != null && !valueNode.isNull();
        if (namesGiven) {
            if (nameNode.isEmpty()) {
                throw DynamoException.validation("ExpressionAttributeNames must not be empty");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = nameNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (!entry.getKey().startsWith("#") || entry.getKey().length() < 2) {
                    throw DynamoException.validation("ExpressionAttributeNames contains invalid key: Syntax error; key: \"" + entry.getKey() + "\"");
                }
                if (entry.getValue().asText().isEmpty()) {
                    throw DynamoException.validation("ExpressionAttributeNames contains invalid value: Empty attribute name; for key: \"" + entry.getKey() + "\"");
                }
                names.put(entry.getKey(), entry.getValue().asText());
            }
        }
        if (valuesGiven) {
            if (valueNode.isEmpty()) {
                throw DynamoException.validation("ExpressionAttributeValues must not be empty");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = valueNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (!entry.getKey().startsWith(":") || entry.getKey().length() < 2) {
                    throw DynamoException.validation("ExpressionAttributeValues contains invalid key: Syntax error; key: \"" + entry.getKey() + "\"");
                }
                try {
                    values.put(entry.getKey(), Values.canonical(entry.getValue()));
                } catch (DynamoException e) {
                    throw DynamoException.validation("ExpressionAttributeValues contains invalid value: " + e.getMessage()
                            + " for key " + entry.getKey());
                }
            }
        }
    }

    void begin(String kind) {
        expressionKind = kind;
        expressionsParsed++;
    }

    String kind() {
        return expressionKind;
    }

    String name(String placeholder) {
        String name = names.get(placeholder);
        if (name == null) {
            throw invalid("An expression attribute name used in the document path is not defined; attribute name: " + placeholder);
        }
        usedNames.add(placeholder);
        return name;
    }

    JsonNode value(String placeholder) {
        JsonNode value = values.get(placeholder);
        if (value == null) {
            throw invalid("An expression attribute value used in expression is not defined; attribute value: " + placeholder);
        }
        usedValues.add(placeholder);
        return value;
    }

    DynamoException invalid(String detail) {
        return DynamoException.validation("Invalid " + expressionKind + ": " + detail);
    }

    DynamoException syntaxError(String token, String text, int at) {
        int from = Math.max(0, at - 10);
        int to = Math.min(text.length(), at + token.length() + 10);
        return invalid("Syntax error; token: \"" + token + "\", near: \"" + text.substring(from, to).trim() + "\"");
    }

    /** Call once every expression of the request is parsed. */
    public void checkAllUsed() {
        if (expressionsParsed == 0) {
            if (valuesGiven) {
                throw DynamoException.validation("ExpressionAttributeValues can only be specified when using expressions");
            }
            if (namesGiven) {
                throw DynamoException.validation("ExpressionAttributeNames can only be specified when using expressions");
            }
            return;
        }
        Set<String> unusedNames = new TreeSet<>(names.keySet());
        unusedNames.removeAll(usedNames);
        if (!unusedNames.isEmpty()) {
            throw DynamoException.validation("Value provided in ExpressionAttributeNames unused in expressions: keys: {"
                    + String.join(", ", unusedNames) + "}");
        }
        Set<String> unusedValues = new TreeSet<>(values.keySet());
        unusedValues.removeAll(usedValues);
        if (!unusedValues.isEmpty()) {
            throw DynamoException.validation("Value provided in ExpressionAttributeValues unused in expressions: keys: {"
                    + String.join(", ", unusedValues) + "}");
        }
    }
}
