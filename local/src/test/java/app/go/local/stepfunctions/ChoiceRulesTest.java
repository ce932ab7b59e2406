package app.go.local.stepfunctions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ChoiceRulesTest {
    private static final JsonNode INPUT = Json.parse("""
            {"name": "alice", "age": 42, "limit": 40, "vip": true, "note": null,
             "when": "2026-03-01T10:00:00Z", "other": "2026-03-01T12:00:00+02:00",
             "file": "report-2026.csv", "tags": ["a"]}""");
    private static final Supplier<JsonNode> NO_CONTEXT = () -> Json.parse("{}");

    private final Interpreters interpreters = new Interpreters();

    @AfterEach
    void close() {
        interpreters.close();
    }

    private static boolean matches(String rule) {
        return ChoiceRules.matches(Json.parse(rule), INPUT, NO_CONTEXT);
    }

    @Test
    @DisplayName("String, numeric, boolean and timestamp comparisons, literal and Path variants")
    void comparisons() {
        assertTrue(matches("{\"Variable\": \"$.name\", \"StringEquals\": \"alice\"}"));
        assertFalse(matches("{\"Variable\": \"$.name\", \"StringEquals\": \"bob\"}"));
        assertTrue(matches("{\"Variable\": \"$.name\", \"StringLessThan\": \"bob\"}"));
        assertTrue(matches("{\"Variable\": \"$.name\", \"StringEqualsPath\": \"$.name\"}"));
        assertTrue(matches("{\"Variable\": \"$.age\", \"NumericEquals\": 42.0}"));
        assertTrue(matches("{\"Variable\": \"$.age\", \"NumericGreaterThan\": 41}"));
        assertTrue(matches("{\"Variable\": \"$.age\", \"NumericLessThanEquals\": 42}"));
        assertFalse(matches("{\"Variable\": \"$.age\", \"NumericLessThan\": 42}"));
        assertTrue(matches("{\"Variable\": \"$.age\", \"NumericGreaterThanPath\": \"$.limit\"}"));
        assertTrue(matches("{\"Variable\": \"$.vip\", \"BooleanEquals\": true}"));
        assertTrue(matches("{\"Variable\": \"$.when\", \"TimestampLessThan\": \"2026-03-01T10:00:01Z\"}"));
        assertTrue(matches("{\"Variable\": \"$.when\", \"TimestampEqualsPath\": \"$.other\"}"), "same instant, other offset");
        assertFalse(matches("{\"Variable\": \"$.age\", \"StringEquals\": \"42\"}"), "a type mismatch is false, not an error");
    }

    @Test
    @DisplayName("Type tests, IsPresent and StringMatches wildcards")
    void typeTestsAndPatterns() {
        assertTrue(matches("{\"Variable\": \"$.note\", \"IsNull\": true}"));
        assertTrue(matches("{\"Variable\": \"$.name\", \"IsString\": true}"));
        assertTrue(matches("{\"Variable\": \"$.age\", \"IsNumeric\": true}"));
        assertTrue(matches("{\"Variable\": \"$.vip\", \"IsBoolean\": true}"));
        assertTrue(matches("{\"Variable\": \"$.when\", \"IsTimestamp\": true}"));
        assertTrue(matches("{\"Variable\": \"$.nope\", \"IsPresent\": false}"));
        assertTrue(matches("{\"Variable\": \"$.note\", \"IsPresent\": true}"), "present though null");
        assertTrue(matches("{\"Variable\": \"$.file\", \"StringMatches\": \"report-*.csv\"}"));
        assertFalse(matches("{\"Variable\": \"$.file\", \"StringMatches\": \"*.txt\"}"));
        assertTrue(ChoiceRules.wildcardMatches("a\\*b", "a*b"));
        assertFalse(ChoiceRules.wildcardMatches("a\\*b", "axb"));
    }

    @Test
    @DisplayName("And, Or and Not combine rules")
    void combinators() {
        assertTrue(matches("""
                {"And": [{"Variable": "$.age", "NumericGreaterThan": 18},
                         {"Or": [{"Variable": "$.name", "StringEquals": "bob"},
                                 {"Not": {"Variable": "$.vip", "BooleanEquals": false}}]}]}"""));
        assertFalse(matches("""
                {"And": [{"Variable": "$.age", "NumericGreaterThan": 18},
                         {"Not": {"Variable": "$.name", "StringEquals": "alice"}}]}"""));
    }

    @Test
    @DisplayName("A Choice state takes the first matching rule's Next, else Default; with no match and no Default it fails")
    void choiceStateRouting() throws Exception {
        String asl = """
                {"StartAt": "Route", "States": {
                  "Route": {"Type": "Choice", "Choices": [
                      {"Variable": "$.n", "NumericGreaterThanEquals": 100, "Next": "Big"},
                      {"And": [{"Variable": "$.n", "NumericGreaterThan": 10}, {"Variable": "$.n", "NumericLessThan": 100}], "Next": "Medium"}
                    ], "Default": "Small"},
                  "Big": {"Type": "Pass", "Result": "big", "End": true},
                  "Medium": {"Type": "Pass", "Result": "medium", "End": true},
                  "Small": {"Type": "Pass", "Result": "small", "End": true}
                }}""";
        assertEquals("big", interpreters.run(asl, "{\"n\": 150}").asText());
        assertEquals("medium", interpreters.run(asl, "{\"n\": 50}").asText());
        assertEquals("small", interpreters.run(asl, "{\"n\": 5}").asText());

        StatesFailure noMatch = interpreters.failure(asl.replace(", \"Default\": \"Small\"", ""), "{\"n\": 5}");
        assertEquals("States.NoChoiceMatched", noMatch.error());
    }

    @Test
    @DisplayName("A rule whose Variable points at nothing is a States.Runtime error")
    void missingVariableIsRuntimeError() {
        StatesFailure failure = assertThrows(StatesFailure.class,
                () -> matches("{\"Variable\": \"$.missing\", \"StringEquals\": \"x\"}"));
        assertEquals("States.Runtime", failure.error());
    }
}
