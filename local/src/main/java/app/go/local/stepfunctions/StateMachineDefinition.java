package app.go.local.stepfunctions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A validated Amazon States Language definition (or a Parallel branch / Map iterator inside one).
 * States stay JSON: the interpreter reads each state's fields when it runs it.
 */
public final class StateMachineDefinition {
    private static final Set<String> TYPES = Set.of("Task", "Choice", "Pass", "Wait", "Map", "Parallel", "Succeed", "Fail");
    private static final Set<String> TERMINAL_TYPES = Set.of("Choice", "Succeed", "Fail");
    /** Top-level fields of a definition (or branch / item processor) the executor implements. */
    private static final Set<String> ROOT_FIELDS = Set.of("StartAt", "States", "Comment", "Version", "TimeoutSeconds");
    private static final Set<String> COMMON_FIELDS = Set.of("Type", "Comment", "Next", "End");
    private static final Set<String> IO_FIELDS = Set.of("InputPath", "OutputPath");
    private static final Set<String> RESULT_FIELDS = Set.of("Parameters", "ResultSelector", "ResultPath");
    /**
     * Per state type, every further field the interpreter reads. Anything else (JSONata's
     * QueryLanguage/Arguments/Output, HeartbeatSeconds, TimeoutSecondsPath, Credentials, ItemReader,
     * ResultWriter, ToleratedFailure*, Assign ...) is refused at load rather than silently ignored.
     */
    private static final Map<String, Set<String>> STATE_FIELDS = Map.of(
            "Task", union(IO_FIELDS, RESULT_FIELDS, Set.of("Resource", "TimeoutSeconds", "Retry", "Catch")),
            "Parallel", union(IO_FIELDS, RESULT_FIELDS, Set.of("Branches", "Retry", "Catch")),
            "Map", union(IO_FIELDS, RESULT_FIELDS, Set.of("ItemProcessor", "Iterator", "ItemsPath", "ItemSelector",
                    "MaxConcurrency", "Retry", "Catch")),
            "Pass", union(IO_FIELDS, Set.of("Parameters", "Result", "ResultPath")),
            "Wait", union(IO_FIELDS, Set.of("Seconds", "SecondsPath", "Timestamp", "TimestampPath")),
            "Choice", union(IO_FIELDS, Set.of("Choices", "Default")),
            "Succeed", IO_FIELDS,
            "Fail", Set.of("Error", "ErrorPath", "Cause", "CausePath"));
    private static final Set<String> RETRIER_FIELDS = Set.of("ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate",
            "MaxDelaySeconds", "Comment");
    private static final Set<String> CATCHER_FIELDS = Set.of("ErrorEquals", "Next", "ResultPath", "Comment");
    private static final Set<String> PROCESSOR_CONFIG_FIELDS = Set.of("Mode");

    private final JsonNode root;

    private StateMachineDefinition(JsonNode root) {
        this.root = root;
    }

    /** Parses a definition with no placeholders. */
    public static StateMachineDefinition parse(String aslJson) {
        return parse(aslJson, Map.of());
    }

    /**
     * Substitutes every {@code ${Name}} placeholder, parses and validates.
     *
     * @throws InvalidDefinitionException when a placeholder has no value, the JSON is malformed or the graph is broken
     */
    public static StateMachineDefinition parse(String aslJson, Map<String, String> substitutions) {
        String text = DefinitionSubstitutions.apply(aslJson, substitutions);
        JsonNode root;
        try {
            root = JsonPaths.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidDefinitionException("Definition is not valid JSON: " + e.getOriginalMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        validate(root, "", problems);
        if (!problems.isEmpty()) {
            throw new InvalidDefinitionException("Invalid state machine definition: " + String.join("; ", problems));
        }
        return new StateMachineDefinition(root);
    }

    /** A nested definition that was validated with its parent. */
    static StateMachineDefinition nested(JsonNode root) {
        return new StateMachineDefinition(root);
    }

    public String startAt() {
        return root.path("StartAt").asText();
    }

    public Set<String> stateNames() {
        Set<String> names = new LinkedHashSet<>();
        root.path("States").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The definition's TimeoutSeconds for the whole execution, if it sets one. */
    public Optional<Long> timeoutSeconds() {
        JsonNode timeout = root.get("TimeoutSeconds");
        return timeout != null && timeout.canConvertToLong() ? Optional.of(timeout.asLong()) : Optional.empty();
    }

    JsonNode state(String name) {
        JsonNode state = root.path("States").get(name);
        if (state == null) {
            throw StatesFailure.runtime("No state named '" + name + "'");
        }
        return state;
    }

    /** The definition as JSON text, placeholders substituted. */
    public String toJson() {
        return root.toString();
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new LinkedHashSet<>();
        for (Set<String> set : sets) all.addAll(set);
        return Set.copyOf(all);
    }

    private static void onlyKnownFields(JsonNode node, Set<String> known, String where, List<String> problems) {
        node.fieldNames().forEachRemaining(field -> {
            if (!known.contains(field)) {
                problems.add(where + "'" + field + "' is not implemented by the local executor");
            }
        });
    }

    private static void validate(JsonNode root, String where, List<String> problems) {
        if (!root.isObject()) {
            problems.add(where + "definition must be a JSON object");
            return;
        }
        onlyKnownFields(root, union(ROOT_FIELDS, Set.of("ProcessorConfig")), where, problems);
        JsonNode config = root.get("ProcessorConfig");
        if (config != null) {
            onlyKnownFields(config, PROCESSOR_CONFIG_FIELDS, where + "ProcessorConfig: ", problems);
            if (!"INLINE".equals(config.path("Mode").asText("INLINE"))) {
                problems.add(where + "ProcessorConfig.Mode '" + config.path("Mode").asText()
                        + "' is not implemented by the local executor (only INLINE)");
            }
        }
        JsonNode states = root.get("States");
        if (states == null || !states.isObject() || states.isEmpty()) {
            problems.add(where + "'States' must be a non-empty object");
            return;
        }
        JsonNode startAt = root.get("StartAt");
        if (startAt == null || !startAt.isTextual()) {
            problems.add(where + "'StartAt' is missing");
        } else if (!states.has(startAt.asText())) {
            problems.add(where + "StartAt '" + startAt.asText() + "' is not a state");
        }
        Iterator<Map.Entry<String, JsonNode>> entries = states.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            validateState(entry.getKey(), entry.getValue(), states, where + "State '" + entry.getKey() + "': ", problems);
        }
    }

    private static void validateState(String name, JsonNode state, JsonNode states, String where, List<String> problems) {
        String type = state.path("Type").asText("");
        if (!TYPES.contains(type)) {
            problems.add(where + "unknown or missing Type '" + type + "'");
            return;
        }
        onlyKnownFields(state, union(COMMON_FIELDS, STATE_FIELDS.get(type)), where, problems);
        boolean hasNext = state.has("Next");
        boolean end = state.path("End").asBoolean(false);
        if (TERMINAL_TYPES.contains(type)) {
            if (hasNext || state.has("End")) {
                problems.add(where + type + " state cannot have Next or End");
            }
        } else if (hasNext == end) {
            problems.add(where + (hasNext ? "has both Next and End" : "needs Next or \"End\": true"));
        }
        if (hasNext) {
            requireTarget(state.get("Next"), states, where + "Next", problems);
        }
        switch (type) {
            case "Task" -> {
                if (!state.path("Resource").isTextual()) {
                    problems.add(where + "Task needs a Resource");
                } else if (state.get("Resource").asText().startsWith("arn:aws:states:")) {
                    // optimized integrations (lambda:invoke, .sync, .waitForTaskToken, SDK calls) are not emulated
                    problems.add(where + "Resource '" + state.get("Resource").asText()
                            + "' is a service integration; the local executor runs Lambda function ARNs only");
                }
            }
            case "Choice" -> validateChoice(state, states, where, problems);
            case "Wait" -> {
                long given = Set.of("Seconds", "SecondsPath", "Timestamp", "TimestampPath").stream().filter(state::has).count();
                if (given != 1) {
                    problems.add(where + "Wait needs exactly one of Seconds, SecondsPath, Timestamp, TimestampPath");
                }
            }
            case "Map" -> {
                JsonNode processor = state.has("ItemProcessor") ? state.get("ItemProcessor") : state.get("Iterator");
                if (processor == null) {
                    problems.add(where + "Map needs an ItemProcessor (or Iterator)");
                } else {
                    validate(processor, where + "ItemProcessor > ", problems);
                }
            }
            case "Parallel" -> {
                JsonNode branches = state.get("Branches");
                if (branches == null || !branches.isArray() || branches.isEmpty()) {
                    problems.add(where + "Parallel needs a non-empty Branches array");
                } else {
                    for (int i = 0; i < branches.size(); i++) {
                        validate(branches.get(i), where + "Branches[" + i + "] > ", problems);
                    }
                }
            }
            default -> {
            }
        }
        validateRetryAndCatch(state, states, where, problems);
    }

    private static void validateChoice(JsonNode state, JsonNode states, String where, List<String> problems) {
        JsonNode choices = state.get("Choices");
        if (choices == null || !choices.isArray() || choices.isEmpty()) {
            problems.add(where + "Choice needs a non-empty Choices array");
        } else {
            for (int i = 0; i < choices.size(); i++) {
                requireTarget(choices.get(i).get("Next"), states, where + "Choices[" + i + "].Next", problems);
            }
        }
        if (state.has("Default")) {
            requireTarget(state.get("Default"), states, where + "Default", problems);
        }
    }

    private static void validateRetryAndCatch(JsonNode state, JsonNode states, String where, List<String> problems) {
        for (String field : List.of("Retry", "Catch")) {
            JsonNode list = state.get(field);
            if (list == null) {
                continue;
            }
            if (!list.isArray()) {
                problems.add(where + field + " must be an array");
                continue;
            }
            for (int i = 0; i < list.size(); i++) {
                onlyKnownFields(list.get(i), field.equals("Retry") ? RETRIER_FIELDS : CATCHER_FIELDS,
                        where + field + "[" + i + "]: ", problems);
                JsonNode errorEquals = list.get(i).get("ErrorEquals");
                if (errorEquals == null || !errorEquals.isArray() || errorEquals.isEmpty()) {
                    problems.add(where + field + "[" + i + "] needs a non-empty ErrorEquals");
                }
                if (field.equals("Catch")) {
                    requireTarget(list.get(i).get("Next"), states, where + "Catch[" + i + "].Next", problems);
                }
            }
        }
    }

    private static void requireTarget(JsonNode target, JsonNode states, String where, List<String> problems) {
        if (target == null || !target.isTextual()) {
            problems.add(where + " is missing");
        } else if (!states.has(target.asText())) {
            problems.add(where + " '" + target.asText() + "' is not a state");
        }
    }
}
