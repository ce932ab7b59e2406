package app.go.local.stepfunctions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InputOutputProcessingTest {
    private static final String FN = "arn:aws:lambda:us-east-1:000000000000:function:price";

    private final Interpreters interpreters = new Interpreters();

    @AfterEach
    void close() {
        interpreters.close();
    }

    @Test
    @DisplayName("A Task applies InputPath, Parameters, the call, ResultSelector, ResultPath (on the raw input), then OutputPath")
    void pathOrder() throws Exception {
        interpreters.invoker.returning(FN, "{\"price\": {\"cents\": 1999}, \"noise\": true}");
        JsonNode output = interpreters.run("""
                {"StartAt": "Price", "States": {
                  "Price": {"Type": "Task", "Resource": "%s",
                    "InputPath": "$.order",
                    "Parameters": {"sku.$": "$.sku", "currency": "EUR"},
                    "ResultSelector": {"amount.$": "$.price.cents"},
                    "ResultPath": "$.pricing.result",
                    "OutputPath": "$.pricing",
                    "End": true}
                }}""".formatted(FN), "{\"order\": {\"sku\": \"A-1\", \"qty\": 2}, \"seller\": \"s1\"}");

        assertEquals(Json.parse("{\"sku\": \"A-1\", \"currency\": \"EUR\"}"), interpreters.invoker.calls(FN).get(0).input(),
                "the task saw Parameters evaluated against the InputPath selection");
        assertEquals(Json.parse("{\"result\": {\"amount\": 1999}}"), output,
                "ResultSelector shaped the result, ResultPath created $.pricing in the raw input, OutputPath selected it");
    }

    @Test
    @DisplayName("ResultPath null keeps the input; InputPath/OutputPath null give {}; Pass's Result goes to its ResultPath")
    void nullPathsAndPass() throws Exception {
        interpreters.invoker.returning(FN, "{\"ignored\": true}");
        JsonNode kept = interpreters.run("""
                {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "%s", "ResultPath": null, "End": true}}}"""
                .formatted(FN), "{\"a\": 1}");
        assertEquals(Json.parse("{\"a\": 1}"), kept);

        JsonNode empty = interpreters.run("""
                {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "%s", "InputPath": null, "OutputPath": null, "End": true}}}"""
                .formatted(FN), "{\"a\": 1}");
        assertEquals(Json.parse("{}"), interpreters.invoker.calls(FN).get(1).input());
        assertEquals(Json.parse("{}"), empty);

        JsonNode passed = interpreters.run("""
                {"StartAt": "P", "States": {"P": {"Type": "Pass", "Result": {"x": 1}, "ResultPath": "$.deep.er", "End": true}}}""",
                "{\"a\": 1, \"deep\": {\"keep\": true}}");
        assertEquals(Json.parse("{\"a\": 1, \"deep\": {\"keep\": true, \"er\": {\"x\": 1}}}"), passed);
    }

    @Test
    @DisplayName("Parameters read the context object: $$.Execution.Id/Name/Input/StartTime and $$.State.Name")
    void contextObject() throws Exception {
        JsonNode output = interpreters.run("""
                {"StartAt": "Describe", "States": {
                  "Describe": {"Type": "Pass", "End": true, "Parameters": {
                    "id.$": "$$.Execution.Id", "name.$": "$$.Execution.Name", "input.$": "$$.Execution.Input",
                    "started.$": "$$.Execution.StartTime", "state.$": "$$.State.Name",
                    "nested": [{"first.$": "$.list[0]"}]}}
                }}""", "{\"list\": [\"x\", \"y\"]}");
        assertEquals(Interpreters.EXECUTION_ARN, output.get("id").asText());
        assertEquals("run-1", output.get("name").asText());
        assertEquals(Json.parse("{\"list\": [\"x\", \"y\"]}"), output.get("input"));
        assertEquals(VirtualTime.START.toString(), output.get("started").asText());
        assertEquals("Describe", output.get("state").asText());
        assertEquals(Json.parse("[{\"first\": \"x\"}]"), output.get("nested"));
    }

    @Test
    @DisplayName("A Parameters path that matches nothing is States.Runtime naming the field; a Fail state's Error and Cause end the run")
    void parameterPathMissingAndFail() {
        StatesFailure missing = interpreters.failure("""
                {"StartAt": "P", "States": {"P": {"Type": "Pass", "Parameters": {"x.$": "$.nope"}, "End": true}}}""", "{}");
        assertEquals("States.Runtime", missing.error());
        assertEquals(true, missing.errorCause().contains("'x.$'"), missing.errorCause());

        StatesFailure failed = interpreters.failure("""
                {"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "Nope", "Cause": "because"}}}""", "{}");
        assertEquals("Nope", failed.error());
        assertEquals("because", failed.errorCause());
    }
}
