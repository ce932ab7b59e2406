package app.go.local.dynamodb.expr;

import app.go.local.dynamodb.value.Values;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** A parsed condition (ConditionExpression, FilterExpression, KeyConditionExpression). */
public sealed interface Condition {
    boolean test(JsonNode item);

    record And(Condition left, Condition right) implements Condition {
        @Override
        public boolean test(JsonNode item) {
            return left.test(item) && right.test(item);
        }
    }

    record Or(Condition left, Condition right) implements Condition {
        @Override
        public boolean test(JsonNode item) {
            return left.test(item) || right.test(item);
        }
    }

    record Not(Condition inner) implements Condition {
        @Override
        public boolean test(JsonNode item) {
            return !inner.test(item);
        }
    }

    /** = <> < <= > >=; a missing operand or mismatched types make all but {@code <>} false. */
    record Comparison(Operand left, String operator, Operand right) implements Condition {
        @Override
        public boolean test(JsonNode item) {
            JsonNode a = left.value(item);
            JsonNode b = right.value(item);
            return switch (operator) {
                case "=" -> Values.equal(a, b);
                case "<>" -> !Values.equal(a, b);
                default -> {
                    if (!Values.comparable(a, b)) {
                        yield false;
                    }
                    int order = Values.compare(a, b);
                    yield switch (operator) {
                        case "<" -> order < 0;
                        case "<=" -> order <= 0;
                        case ">" -> order > 0;
                        default -> order >= 0;
                    };
                }
            };
        }
    }

    record Between(Operand value, Operand low, Operand high) implements Condition {
        @Override
        public boolean test(JsonNode item) {
            JsonNode v = value.value(item);
            JsonNode lo = low.value(item);
            JsonNode hi = high.value(item);
            return Values.comparable(v, lo) && Values.comparable(v, hi)
                    && Values.compare(v, lo) >= 0 && Values.compare(v, hi) <= 0;
        }
    }

    record In(Operand value, List<Operand> candidates) implements Condition {
        @Override
        public boolean test(JsonNode item) {
            JsonNode v = value.value(item);
            for (Operand candidate : candidates) {
                if (Values.equal(v, candidate.value(item))) {
                    return true;
                }
            }
            return false;
        }
    }

    record AttributeExists(Path path, boolean shouldExist) implements Condition {
        @Override
        public boolean test(JsonNode item) {
            return (Documents.get(item, path) != null) == shouldExist;
        }
    }

    record AttributeType(Path path, Operand type) implements Condition {
        @Override
        public boolean test(JsonNode item) {
            JsonNode value = Documents.get(item, path);
            JsonNode expected = type.value(item);
            return value != null && expected != null && expected.has("S") && Values.type(value).equals(expected.get("S").asText());
        }
    }

    record BeginsWith(Operand value, Operand prefix) implements Condition {
        @Override
        public boolean test(JsonNode item) {
            JsonNode v = value.value(item);
            JsonNode p = prefix.value(item);
            if (v == null || p == null) {
                return false;
            }
            if (v.has("S") && p.has("S")) {
                return v.get("S").asText().startsWith(p.get("S").asText());
            }
            if (v.has("B") && p.has("B")) {
                byte[] bytes = Values.bytes(v.get("B"));
                byte[] start = Values.bytes(p.get("B"));
                return bytes.length >= start.length
                        && java.util.Arrays.equals(bytes, 0, start.length, start, 0, start.length);
            }
            return false;
        }
    }

    /** contains(path, operand): substring of a string, member of a set, element of a list. */
    record Contains(Operand value, Operand operand) implements Condition {
        @Override
        public boolean test(JsonNode item) {
            JsonNode v = value.value(item);
            JsonNode o = operand.value(item);
            if (v == null || o == null) {
                return false;
            }
            String type = Values.type(v);
            JsonNode inner = v.get(type);
            return switch (type) {
                case "S" -> o.has("S") && inner.asText().contains(o.get("S").asText());
                case "B" -> o.has("B") && new String(Values.bytes(inner), java.nio.charset.StandardCharsets.ISO_8859_1)
                        .contains(new String(Values.bytes(o.get("B")), java.nio.charset.StandardCharsets.ISO_8859_1));
                case "SS", "NS", "BS" -> {
                    String elementType = type.substring(0, 1);
                    if (!o.has(elementType)) {
                        yield false;
                    }
                    for (JsonNode element : inner) {
                        if (Values.equal(Values.JSON.objectNode().set(elementType, element), o)) {
                            yield true;
                        }
                    }
                    yield false;
                }
                case "L" -> {
                    for (JsonNode element : inner) {
                        if (Values.equal(element, o)) {
                            yield true;
                        }
                    }
                    yield false;
                }
                default -> false;
            };
        }
    }
}
