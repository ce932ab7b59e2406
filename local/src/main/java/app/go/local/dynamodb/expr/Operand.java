package app.go.local.dynamodb.expr;

import app.go.local.dynamodb.DynamoException;
import app.go.local.dynamodb.value.Values;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;

/** Something that yields a value from an item: a path, a placeholder value, or a function of them. */
public sealed interface Operand {
    /** The value, or null when a path is missing. */
    JsonNode value(JsonNode item);

    record PathOperand(Path path) implements Operand {
        @Override
        public JsonNode value(JsonNode item) {
            return Documents.get(item, path);
        }
    }

    record Literal(String placeholder, JsonNode literal) implements Operand {
        @Override
        public JsonNode value(JsonNode item) {
            return literal;
        }
    }

    /** size(path): string length, bytes of a binary, elements of a set, list or map. */
    record Size(Path path) implements Operand {
        @Override
        public JsonNode value(JsonNode item) {
            JsonNode value = Documents.get(item, path);
            if (value == null) {
                return null;
            }
            String type = Values.type(value);
            JsonNode inner = value.get(type);
            long size = switch (type) {
                case "S" -> inner.asText().codePointCount(0, inner.asText().length());
                case "B" -> Values.bytes(inner).length;
                case "SS", "NS", "BS", "L", "M" -> inner.size();
                default -> -1;
            };
            return size < 0 ? null : Values.n(BigDecimal.valueOf(size));
        }
    }

    record IfNotExists(Path path, Operand fallback) implements Operand {
        @Override
        public JsonNode value(JsonNode item) {
            JsonNode existing = Documents.get(item, path);
            return existing != null ? existing : fallback.value(item);
        }
    }

    record ListAppend(Operand first, Operand second, String kind) implements Operand {
        @Override
        public JsonNode value(JsonNode item) {
            JsonNode a = required(first.value(item));
            JsonNode b = required(second.value(item));
            if (!a.has("L") || !b.has("L")) {
                throw DynamoException.validation("Invalid " + kind + ": Incorrect operand type for operator or function; operator or function: list_append, operand type: "
                        + Values.type(a.has("L") ? b : a));
            }
            ArrayNode list = a.get("L").deepCopy();
            list.addAll((ArrayNode) b.get("L").deepCopy());
            ObjectNode result = Values.JSON.objectNode();
            result.set("L", list);
            return result;
        }
    }

    record Arithmetic(Operand left, char operator, Operand right, String kind) implements Operand {
        @Override
        public JsonNode value(JsonNode item) {
            JsonNode a = required(left.value(item));
            JsonNode b = required(right.value(item));
            for (JsonNode side : new JsonNode[] {a, b}) {
                if (!side.has("N")) {
                    throw DynamoException.validation("Invalid " + kind + ": Incorrect operand type for operator or function; operator or function: "
                            + operator + ", operand type: " + Values.type(side));
                }
            }
            BigDecimal result = operator == '+' ? Values.number(a).add(Values.number(b)) : Values.number(a).subtract(Values.number(b));
            return Values.n(result);
        }
    }

    private static JsonNode required(JsonNode value) {
        if (value == null) {
            throw DynamoException.validation("The provided expression refers to an attribute that does not exist in the item");
        }
        return value;
    }
}
