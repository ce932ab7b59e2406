package app.go.local.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Supplier;

/**
 * The input and output processing fields, applied in AWS's order:
 * InputPath, Parameters, (the state's work), ResultSelector, ResultPath, OutputPath.
 * ResultPath combines the result with the state's raw input, not the InputPath-filtered one.
 */
final class StateIo {
    private StateIo() {
    }

    static JsonNode inputPath(JsonNode state, JsonNode rawInput) {
        return selectPath(state, "InputPath", rawInput);
    }

    static JsonNode parameters(JsonNode state, JsonNode effectiveInput, Supplier<JsonNode> context) {
        JsonNode template = state.get("Parameters");
        return template == null ? effectiveInput : PayloadTemplate.evaluate(template, effectiveInput, context);
    }

    /** ResultSelector, ResultPath and OutputPath on a state's result. */
    static JsonNode output(JsonNode state, JsonNode rawInput, JsonNode result, Supplier<JsonNode> context) {
        JsonNode selector = state.get("ResultSelector");
        JsonNode selected = selector == null ? result : PayloadTemplate.evaluate(selector, result, context);
        return outputPath(state, resultPath(state.get("ResultPath"), rawInput, selected));
    }

    /** ResultPath absent means "$" (the result replaces the input); null means the input passes through. */
    static JsonNode resultPath(JsonNode resultPath, JsonNode rawInput, JsonNode result) {
        if (resultPath == null) {
            return result;
        }
        if (resultPath.isNull()) {
            return rawInput;
        }
        return JsonPaths.put(rawInput, resultPath.asText(), result);
    }

    static JsonNode outputPath(JsonNode state, JsonNode data) {
        return selectPath(state, "OutputPath", data);
    }

    private static JsonNode selectPath(JsonNode state, String field, JsonNode data) {
        JsonNode path = state.get(field);
        if (path == null) {
            return data;
        }
        if (path.isNull()) {
            return JsonPaths.MAPPER.createObjectNode();
        }
        try {
            return JsonPaths.read(data, path.asText());
        } catch (StatesFailure e) {
            throw StatesFailure.runtime("Invalid path '" + path.asText() + "' in " + field + ": no value at that path in "
                    + JsonPaths.abbreviate(data));
        }
    }
}
