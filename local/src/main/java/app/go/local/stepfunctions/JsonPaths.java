package app.go.local.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** JSONPath over Jackson trees (Jayway json-path), with the failures ASL defines as States.Runtime. */
final class JsonPaths {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private static final Configuration CONFIGURATION = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(MAPPER))
            .mappingProvider(new JacksonMappingProvider(MAPPER))
            .build();

    /** One step of Jayway's normalized form of a definite path: {@code ['name']} or {@code [3]}. */
    private static final Pattern NORMALIZED_STEP = Pattern.compile("\\['((?:[^'\\\\]|\\\\.)*)'\\]|\\[(\\d+)\\]");

    private JsonPaths() {
    }

    /** The value at a path; a path that matches nothing is a States.Runtime error. */
    static JsonNode read(JsonNode document, String path) {
        return find(document, path).orElseThrow(() -> StatesFailure.runtime(
                "Invalid path '" + path + "': no value at that path in " + abbreviate(document)));
    }

    /** The value at a path, or empty when the path matches nothing (how IsPresent sees it). */
    static Optional<JsonNode> find(JsonNode document, String path) {
        try {
            Object value = JsonPath.using(CONFIGURATION).parse(document).read(compile(path));
            return Optional.of(value == null ? NullNode.getInstance() : MAPPER.valueToTree(value));
        } catch (PathNotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * A copy of {@code document} with {@code value} placed at a reference path, creating missing
     * objects on the way, as ResultPath does. {@code $} replaces the whole document.
     */
    static JsonNode put(JsonNode document, String referencePath, JsonNode value) {
        List<Object> steps = steps(referencePath);
        if (steps.isEmpty()) {
            return value;
        }
        JsonNode root = document.deepCopy();
        if (!root.isObject() && !(root.isArray() && steps.get(0) instanceof Integer)) {
            throw StatesFailure.runtime("Unable to apply ResultPath '" + referencePath
                    + "': the input is not an object: " + abbreviate(document));
        }
        JsonNode parent = root;
        for (int i = 0; i < steps.size(); i++) {
            Object step = steps.get(i);
            boolean last = i == steps.size() - 1;
            if (step instanceof String field) {
                if (!parent.isObject()) {
                    throw StatesFailure.runtime("Unable to apply ResultPath '" + referencePath
                            + "': '" + field + "' is not inside an object");
                }
                ObjectNode object = (ObjectNode) parent;
                if (last) {
                    object.set(field, value);
                } else {
                    JsonNode child = object.get(field);
                    if (child == null || child.isNull()) {
                        child = object.putObject(field);
                    }
                    parent = child;
                }
            } else {
                int index = (Integer) step;
                if (!parent.isArray() || index >= parent.size()) {
                    throw StatesFailure.runtime("Unable to apply ResultPath '" + referencePath
                            + "': no array element [" + index + "]");
                }
                if (last) {
                    ((ArrayNode) parent).set(index, value);
                } else {
                    parent = parent.get(index);
                }
            }
        }
        return root;
    }

    private static List<Object> steps(String referencePath) {
        JsonPath compiled = compile(referencePath);
        if (!compiled.isDefinite()) {
            throw StatesFailure.runtime("'" + referencePath + "' is not a reference path (it must select one node)");
        }
        String normalized = compiled.getPath();
        List<Object> steps = new ArrayList<>();
        Matcher matcher = NORMALIZED_STEP.matcher(normalized);
        int position = 1; // after "$"
        while (matcher.find(position) && matcher.start() == position) {
            steps.add(matcher.group(1) != null ? matcher.group(1).replace("\\'", "'") : Integer.valueOf(matcher.group(2)));
            position = matcher.end();
        }
        if (position != normalized.length()) {
            throw StatesFailure.runtime("'" + referencePath + "' is not a reference path");
        }
        return steps;
    }

    private static JsonPath compile(String path) {
        try {
            return JsonPath.compile(path);
        } catch (InvalidPathException | IllegalArgumentException e) {
            throw StatesFailure.runtime("Invalid JSONPath '" + path + "': " + e.getMessage());
        }
    }

    static String abbreviate(JsonNode node) {
        String text = String.valueOf(node);
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
