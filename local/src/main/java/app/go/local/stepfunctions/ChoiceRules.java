package app.go.local.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Evaluates a Choice state's rules. As in AWS, a comparison between values of the wrong type is
 * simply false, while a Variable that points at nothing is a States.Runtime error (use IsPresent).
 */
final class ChoiceRules {
    private static final Set<String> NON_OPERATOR_FIELDS = Set.of("Variable", "Next", "Comment");

    private ChoiceRules() {
    }

    /** The Next of the first matching rule, else Default, else a States.NoChoiceMatched failure. */
    static String next(JsonNode choiceState, JsonNode input, Supplier<JsonNode> context) {
        for (JsonNode rule : choiceState.path("Choices")) {
            if (matches(rule, input, context)) {
                return rule.get("Next").asText();
            }
        }
        if (choiceState.has("Default")) {
            return choiceState.get("Default").asText();
        }
        throw new StatesFailure("States.NoChoiceMatched", "No Choice rule matched and there is no Default");
    }

    static boolean matches(JsonNode rule, JsonNode input, Supplier<JsonNode> context) {
        if (rule.has("And")) {
            for (JsonNode inner : rule.get("And")) {
                if (!matches(inner, input, context)) {
                    return false;
                }
            }
            return true;
        }
        if (rule.has("Or")) {
            for (JsonNode inner : rule.get("Or")) {
                if (matches(inner, input, context)) {
                    return true;
                }
            }
            return false;
        }
        if (rule.has("Not")) {
            return !matches(rule.get("Not"), input, context);
        }
        String variable = rule.path("Variable").asText(null);
        if (variable == null) {
            throw StatesFailure.runtime("Choice rule has no Variable: " + rule);
        }
        String operator = operatorOf(rule);
        JsonNode operand = rule.get(operator);
        if (operator.equals("IsPresent")) {
            return find(variable, input, context).isPresent() == operand.asBoolean();
        }
        JsonNode value = find(variable, input, context).orElseThrow(() -> StatesFailure.runtime(
                "Invalid path '" + variable + "': the Choice state's condition path references a value that is not present"));
        if (operator.endsWith("Path")) {
            operand = PayloadTemplate.readPath(operand.asText(), input, context);
            operator = operator.substring(0, operator.length() - "Path".length());
        }
        return test(operator, value, operand);
    }

    private static boolean test(String operator, JsonNode value, JsonNode operand) {
        return switch (operator) {
            case "IsNull" -> value.isNull() == operand.asBoolean();
            case "IsString" -> value.isTextual() == operand.asBoolean();
            case "IsNumeric" -> value.isNumber() == operand.asBoolean();
            case "IsBoolean" -> value.isBoolean() == operand.asBoolean();
            case "IsTimestamp" -> (timestamp(value) != null) == operand.asBoolean();
            case "BooleanEquals" -> value.isBoolean() && operand.isBoolean() && value.asBoolean() == operand.asBoolean();
            case "StringMatches" -> value.isTextual() && wildcardMatches(operand.asText(), value.asText());
            default -> compare(operator, value, operand);
        };
    }

    private static boolean compare(String operator, JsonNode value, JsonNode operand) {
        Integer order;
        String relation;
        if (operator.startsWith("String")) {
            order = value.isTextual() && operand.isTextual() ? value.asText().compareTo(operand.asText()) : null;
            relation = operator.substring("String".length());
        } else if (operator.startsWith("Numeric")) {
            order = value.isNumber() && operand.isNumber() ? value.decimalValue().compareTo(operand.decimalValue()) : null;
            relation = operator.substring("Numeric".length());
        } else if (operator.startsWith("Timestamp")) {
            Instant left = timestamp(value);
            Instant right = timestamp(operand);
            order = left != null && right != null ? left.compareTo(right) : null;
            relation = operator.substring("Timestamp".length());
        } else {
            throw StatesFailure.runtime("Unsupported Choice operator '" + operator + "'");
        }
        return order != null && relation(relation, operator).test(order);
    }

    private static IntPredicate relation(String relation, String operator) {
        return switch (relation) {
            case "Equals" -> c -> c == 0;
            case "LessThan" -> c -> c < 0;
            case "GreaterThan" -> c -> c > 0;
            case "LessThanEquals" -> c -> c <= 0;
            case "GreaterThanEquals" -> c -> c >= 0;
            default -> throw StatesFailure.runtime("Unsupported Choice operator '" + operator + "'");
        };
    }

    private static String operatorOf(JsonNode rule) {
        Iterator<String> names = rule.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!NON_OPERATOR_FIELDS.contains(name)) {
                return name;
            }
        }
        throw StatesFailure.runtime("Choice rule has no comparison operator: " + rule);
    }

    private static Optional<JsonNode> find(String path, JsonNode input, Supplier<JsonNode> context) {
        return path.startsWith("$$") ? JsonPaths.find(context.get(), path.substring(1)) : JsonPaths.find(input, path);
    }

    private static Instant timestamp(JsonNode node) {
        if (!node.isTextual()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(node.asText()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** {@code *} matches any run of characters; {@code \*} and {@code \\} are a literal star and backslash. */
    static boolean wildcardMatches(String pattern, String text) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '*') {
                regex.append(".*");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return text.matches("(?s)" + regex);
    }
}
