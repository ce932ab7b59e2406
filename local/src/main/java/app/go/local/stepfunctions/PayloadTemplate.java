package app.go.local.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Evaluates a payload template (Parameters, ResultSelector, ItemSelector): a field whose name ends
 * in {@code .$} takes its value from a path into the input, or into the context object with
 * {@code $$.}; every other value is copied as is.
 */
final class PayloadTemplate {
    private PayloadTemplate() {
    }

    static JsonNode evaluate(JsonNode template, JsonNode input, Supplier<JsonNode> context) {
        if (template.isObject()) {
            ObjectNode result = JsonNodeFactory.instance.objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = template.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey();
                if (name.endsWith(".$")) {
                    result.set(name.substring(0, name.length() - 2), resolve(name, field.getValue(), input, context));
                } else {
                    result.set(name, evaluate(field.getValue(), input, context));
                }
            }
            return result;
        }
        if (template.isArray()) {
            ArrayNode result = JsonNodeFactory.instance.arrayNode();
            template.forEach(element -> result.add(evaluate(element, input, context)));
            return result;
        }
        return template;
    }

    /** Reads a path against the input, or against the context object when it starts with {@code $$}. */
    static JsonNode readPath(String path, JsonNode input, Supplier<JsonNode> context) {
        if (path.startsWith("$$")) {
            return JsonPaths.read(context.get(), path.substring(1));
        }
        return JsonPaths.read(input, path);
    }

    private static JsonNode resolve(String fieldName, JsonNode pathNode, JsonNode input, Supplier<JsonNode> context) {
        if (!pathNode.isTextual() || !pathNode.asText().startsWith("$")) {
            String hint = pathNode.isTextual() && pathNode.asText().startsWith("States.")
                    ? " (intrinsic functions are not supported by the local executor)"
                    : "";
            throw StatesFailure.runtime("The value of field '" + fieldName + "' must be a JSONPath starting with '$'"
                    + hint + ", got " + pathNode);
        }
        String path = pathNode.asText();
        try {
            return readPath(path, input, context);
        } catch (StatesFailure e) {
            throw StatesFailure.runtime("The JSONPath '" + path + "' specified for the field '" + fieldName
                    + "' could not be found in " + (path.startsWith("$$") ? "the context object" : "the input "
                    + JsonPaths.abbreviate(input)));
        }
    }
}
