package app.go.local.stepfunctions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MapAndParallelTest {
    private static final String SLOW_DOUBLE = "arn:aws:lambda:us-east-1:000000000000:function:double";
    private static final String FAIL = "arn:aws:lambda:us-east-1:000000000000:function:fail";

    private final Interpreters interpreters = new Interpreters();

    @AfterEach
    void close() {
        interpreters.close();
    }

    @Test
    @DisplayName("Map runs items concurrently up to MaxConcurrency and returns results in item order")
    void mapKeepsOrder() throws Exception {
        // earlier items take longer, so they finish last
        interpreters.invoker.on(SLOW_DOUBLE, (input, n) -> {
            Thread.sleep(10L * (6 - input.asInt()));
            return Json.parse(String.valueOf(input.asInt() * 2));
        });
        JsonNode output = interpreters.run("""
                {"StartAt": "Each", "States": {
                  "Each": {"Type": "Map", "ItemsPath": "$.numbers", "MaxConcurrency": 3, "ResultPath": "$.doubled",
                    "ItemProcessor": {"StartAt": "Double", "States": {
                      "Double": {"Type": "Task", "Resource": "%s", "End": true}}},
                    "End": true}
                }}""".formatted(SLOW_DOUBLE), "{\"numbers\": [1, 2, 3, 4, 5]}");
        assertEquals(Json.parse("[2, 4, 6, 8, 10]"), output.get("doubled"));
        assertEquals(Json.parse("[1, 2, 3, 4, 5]"), output.get("numbers"), "ResultPath kept the input");
    }

    @Test
    @DisplayName("Map's ItemSelector sees $$.Map.Item.Value and $$.Map.Item.Index and the Map's input")
    void itemSelector() throws Exception {
        JsonNode output = interpreters.run("""
                {"StartAt": "Each", "States": {
                  "Each": {"Type": "Map", "ItemsPath": "$.items",
                    "ItemSelector": {"value.$": "$$.Map.Item.Value", "index.$": "$$.Map.Item.Index", "owner.$": "$.owner"},
                    "ItemProcessor": {"StartAt": "Echo", "States": {"Echo": {"Type": "Pass", "End": true}}},
                    "End": true}
                }}""", "{\"owner\": \"s1\", \"items\": [\"a\", \"b\"]}");
        assertEquals(Json.parse("""
                [{"value": "a", "index": 0, "owner": "s1"}, {"value": "b", "index": 1, "owner": "s1"}]"""), output);
    }

    @Test
    @DisplayName("A legacy Map with Iterator and Parameters works like ItemProcessor and ItemSelector, sequentially with MaxConcurrency 1")
    void legacyIteratorAndParameters() throws Exception {
        JsonNode output = interpreters.run("""
                {"StartAt": "Each", "States": {
                  "Each": {"Type": "Map", "MaxConcurrency": 1,
                    "Parameters": {"item.$": "$$.Map.Item.Value"},
                    "Iterator": {"StartAt": "Echo", "States": {"Echo": {"Type": "Pass", "OutputPath": "$.item", "End": true}}},
                    "End": true}
                }}""", "[10, 20, 30]");
        assertEquals(Json.parse("[10, 20, 30]"), output);
    }

    @Test
    @DisplayName("Parallel returns each branch's output in branch order")
    void parallelResults() throws Exception {
        JsonNode output = interpreters.run("""
                {"StartAt": "Both", "States": {
                  "Both": {"Type": "Parallel", "End": true, "Branches": [
                    {"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"from": "A", "x.$": "$.x"}, "End": true}}},
                    {"StartAt": "B", "States": {"B": {"Type": "Wait", "Seconds": 5, "Next": "B2"},
                                                "B2": {"Type": "Pass", "Result": "B", "End": true}}}
                  ]}
                }}""", "{\"x\": 1}");
        assertEquals(Json.parse("[{\"from\": \"A\", \"x\": 1}, \"B\"]"), output);
    }

    @Test
    @DisplayName("A failing Parallel branch fails the Parallel state, and its Catch handles the branch's error")
    void parallelBranchFailureIsCaught() throws Exception {
        interpreters.invoker.failing(FAIL, "BranchBroke", "branch 2 failed");
        String asl = """
                {"StartAt": "Both", "States": {
                  "Both": {"Type": "Parallel", "Next": "Done", "ResultPath": "$.results",
                    "Catch": [{"ErrorEquals": ["BranchBroke"], "ResultPath": "$.error", "Next": "Recovered"}],
                    "Branches": [
                      {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}},
                      {"StartAt": "B", "States": {"B": {"Type": "Task", "Resource": "%s", "End": true}}}
                    ]},
                  "Done": {"Type": "Succeed"},
                  "Recovered": {"Type": "Pass", "End": true}
                }}""".formatted(FAIL);
        JsonNode output = interpreters.run(asl, "{\"id\": 1}");
        assertEquals(Json.parse("{\"id\": 1, \"error\": {\"Error\": \"BranchBroke\", \"Cause\": \"branch 2 failed\"}}"), output);

        StatesFailure uncaught = interpreters.failure(asl.replace("\"ErrorEquals\": [\"BranchBroke\"]", "\"ErrorEquals\": [\"Other\"]"), "{}");
        assertEquals("BranchBroke", uncaught.error());
    }

    @Test
    @DisplayName("A failing Map iteration fails the Map state with the iteration's error")
    void mapIterationFailure() {
        interpreters.invoker.failing(FAIL, "ItemBroke", "bad item");
        StatesFailure failure = interpreters.failure("""
                {"StartAt": "Each", "States": {
                  "Each": {"Type": "Map", "ItemProcessor": {"StartAt": "T", "States": {
                      "T": {"Type": "Task", "Resource": "%s", "End": true}}}, "End": true}
                }}""".formatted(FAIL), "[1, 2, 3]");
        assertEquals("ItemBroke", failure.error());
    }
}
