package app.go.local.dynamodb.value;

import app.go.local.dynamodb.DynamoException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Attribute values in their wire form, a one-member JSON object such as {@code {"S":"x"}} or
 * {@code {"N":"1.5"}}: validation and canonical form on the way in, equality, ordering and size.
 * Stored items are never mutated; every change builds a new node.
 */
public final class Values {
    public static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final BigDecimal MAX_MAGNITUDE = new BigDecimal("9.9999999999999999999999999999999999999E+125");
    private static final BigDecimal MIN_MAGNITUDE = new BigDecimal("1E-130");

    private Values() {}

    /** The type descriptor: S, N, B, SS, NS, BS, M, L, BOOL or NULL. */
    public static String type(JsonNode value) {
        Iterator<String> names = value.fieldNames();
        return names.hasNext() ? names.next() : "";
    }

    public static boolean isType(JsonNode value, String type) {
        return value != null && value.has(type);
    }

    public static JsonNode s(String text) {
        return JSON.objectNode().put("S", text);
    }

    public static JsonNode n(BigDecimal number) {
        return JSON.objectNode().put("N", canonicalNumber(number));
    }

    public static BigDecimal number(JsonNode value) {
        return new BigDecimal(value.get("N").asText());
    }

    public static byte[] bytes(JsonNode base64) {
        return Base64.getDecoder().decode(base64.asText());
    }

    /**
     * Checks a value from a request and returns its canonical form (numbers without superfluous zeros).
     * Throws the ValidationException DynamoDB gives for malformed values.
     */
    public static JsonNode canonical(JsonNode value) {
        if (value == null || !value.isObject() || value.size() != 1) {
            throw DynamoException.validation("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
        }
        String type = type(value);
        JsonNode inner = value.get(type);
        switch (type) {
            case "S", "B", "BOOL", "NULL" -> {
                if (type.equals("NULL") && !inner.asBoolean()) {
                    throw DynamoException.validation("One or more parameter values were invalid: Null attribute value types must have the value of true");
                }
                return value;
            }
            case "N" -> {
                return JSON.objectNode().put("N", canonicalNumber(parseNumber(inner.asText())));
            }
            case "SS", "BS" -> {
                checkSet(inner, type);
                return value;
            }
            case "NS" -> {
                checkSet(inner, type);
                ArrayNode numbers = JSON.arrayNode();
                Set<BigDecimal> seen = new HashSet<>();
                for (JsonNode element : inner) {
                    BigDecimal number = parseNumber(element.asText());
                    if (!seen.add(number.stripTrailingZeros())) {
                        throw DynamoException.validation("Input collection " + inner + " contains duplicates.");
                    }
                    numbers.add(canonicalNumber(number));
                }
                ObjectNode result = JSON.objectNode();
                result.set("NS", numbers);
                return result;
            }
            case "L" -> {
                ArrayNode list = JSON.arrayNode();
                for (JsonNode element : inner) {
                    list.add(canonical(element));
                }
                ObjectNode result = JSON.objectNode();
                result.set("L", list);
                return result;
            }
            case "M" -> {
                ObjectNode map = JSON.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> it = inner.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    map.set(field.getKey(), canonical(field.getValue()));
                }
                ObjectNode result = JSON.objectNode();
                result.set("M", map);
                return result;
            }
            default -> throw DynamoException.validation("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        }
    }

    private static void checkSet(JsonNode elements, String type) {
        if (elements.isEmpty()) {
            String kind = switch (type) {
                case "SS" -> "string";
                case "NS" -> "number";
                default -> "binary";
            };
            throw DynamoException.validation("One or more parameter values were invalid: An " + kind + " set  may not be empty");
        }
        if (!type.equals("NS")) {
            Set<String> seen = new HashSet<>();
            for (JsonNode element : elements) {
                if (!seen.add(element.asText())) {
                    throw DynamoException.validation("Input collection " + elements + " contains duplicates.");
                }
            }
        }
    }

    public static BigDecimal parseNumber(String text) {
        BigDecimal number;
        try {
            number = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw DynamoException.validation("A value provided cannot be converted into a number");
        }
        return checkRange(number);
    }

    /** DynamoDB's range: 38 significant digits, magnitudes 1E-130 to 9.99...E+125. */
    public static BigDecimal checkRange(BigDecimal number) {
        if (number.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal stripped = number.stripTrailingZeros();
        if (stripped.precision() > 38) {
            throw DynamoException.validation("Attempting to store more than 38 significant digits in a Number");
        }
        BigDecimal magnitude = stripped.abs();
        if (magnitude.compareTo(MAX_MAGNITUDE) > 0) {
            throw DynamoException.validation("Number overflow. Attempting to store a number with magnitude larger than supported range");
        }
        if (magnitude.compareTo(MIN_MAGNITUDE) < 0) {
            throw DynamoException.validation("Number underflow. Attempting to store a number with magnitude smaller than supported range");
        }
        return stripped;
    }

    public static String canonicalNumber(BigDecimal number) {
        BigDecimal checked = checkRange(number.round(MathContext.UNLIMITED));
        return checked.signum() == 0 ? "0" : checked.toPlainString();
    }

    /** DynamoDB equality: numbers by value, sets regardless of order, maps and lists deeply. */
    public static boolean equal(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return false;
        }
        String type = type(a);
        if (!type.equals(type(b))) {
            return false;
        }
        JsonNode x = a.get(type);
        JsonNode y = b.get(type);
        return switch (type) {
            case "N" -> new BigDecimal(x.asText()).compareTo(new BigDecimal(y.asText())) == 0;
            case "SS", "BS" -> x.size() == y.size() && textSet(x).equals(textSet(y));
            case "NS" -> x.size() == y.size() && numberSet(x).equals(numberSet(y));
            case "L" -> {
                if (x.size() != y.size()) {
                    yield false;
                }
                for (int i = 0; i < x.size(); i++) {
                    if (!equal(x.get(i), y.get(i))) {
                        yield false;
                    }
                }
                yield true;
            }
            case "M" -> {
                if (x.size() != y.size()) {
                    yield false;
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = x.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    if (!equal(field.getValue(), y.get(field.getKey()))) {
                        yield false;
                    }
                }
                yield true;
            }
            case "B" -> java.util.Arrays.equals(bytes(x), bytes(y));
            default -> x.equals(y);
        };
    }

    public static Set<String> textSet(JsonNode elements) {
        Set<String> set = new HashSet<>();
        elements.forEach(e -> set.add(e.asText()));
        return set;
    }

    public static Set<BigDecimal> numberSet(JsonNode elements) {
        Set<BigDecimal> set = new HashSet<>();
        elements.forEach(e -> set.add(new BigDecimal(e.asText()).stripTrailingZeros()));
        return set;
    }

    /** Whether two values can be ordered: both S, both N or both B. */
    public static boolean comparable(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return false;
        }
        String type = type(a);
        return type.equals(type(b)) && (type.equals("S") || type.equals("N") || type.equals("B"));
    }

    /** Order of two scalars of one type: N by value, S by UTF-8 bytes (= code points), B by unsigned bytes. */
    public static int compare(JsonNode a, JsonNode b) {
        String type = type(a);
        return switch (type) {
            case "N" -> number(a).compareTo(number(b));
            case "S" -> compareCodePoints(a.get("S").asText(), b.get("S").asText());
            case "B" -> compareUnsigned(bytes(a.get("B")), bytes(b.get("B")));
            default -> throw new IllegalArgumentException("not a scalar: " + type);
        };
    }

    public static int compareCodePoints(String x, String y) {
        int i = 0;
        int j = 0;
        while (i < x.length() && j < y.length()) {
            int cx = x.codePointAt(i);
            int cy = y.codePointAt(j);
            if (cx != cy) {
                return Integer.compare(cx, cy);
            }
            i += Character.charCount(cx);
            j += Character.charCount(cy);
        }
        return Boolean.compare(i < x.length(), j < y.length());
    }

    public static int compareUnsigned(byte[] x, byte[] y) {
        return java.util.Arrays.compareUnsigned(x, y);
    }

    /** DynamoDB's item size: attribute names plus values, as its documentation counts them. */
    public static long itemSize(JsonNode item) {
        long size = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            size += utf8Length(field.getKey()) + valueSize(field.getValue());
        }
        return size;
    }

    public static long valueSize(JsonNode value) {
        String type = type(value);
        JsonNode inner = value.get(type);
        return switch (type) {
            case "S" -> utf8Length(inner.asText());
            case "N" -> numberSize(inner.asText());
            case "B" -> bytes(inner).length;
            case "BOOL", "NULL" -> 1;
            case "SS" -> sum(inner, e -> utf8Length(e.asText()));
            case "NS" -> sum(inner, e -> numberSize(e.asText()));
            case "BS" -> sum(inner, e -> bytes(e).length);
            case "L" -> 3 + sum(inner, e -> 1 + valueSize(e));
            case "M" -> {
                long total = 3;
                for (Iterator<Map.Entry<String, JsonNode>> it = inner.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    total += 1 + utf8Length(field.getKey()) + valueSize(field.getValue());
                }
                yield total;
            }
            default -> 0;
        };
    }

    private static long sum(JsonNode elements, java.util.function.ToLongFunction<JsonNode> size) {
        long total = 0;
        for (JsonNode element : elements) {
            total += size.applyAsLong(element);
        }
        return total;
    }

    /** About one byte per two significant digits, plus one. */
    private static long numberSize(String text) {
        BigDecimal number = new BigDecimal(text).stripTrailingZeros();
        return (number.precision() + 1) / 2 + 1;
    }

    public static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
