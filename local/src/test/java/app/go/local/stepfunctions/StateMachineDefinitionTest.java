package app.go.local.stepfunctions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StateMachineDefinitionTest {
    private static final String WITH_PLACEHOLDERS = """
            {"StartAt": "A", "States": {
              "A": {"Type": "Task", "Resource": "${FirstArn}", "Next": "B"},
              "B": {"Type": "Task", "Resource": "${SecondArn}", "End": true}
            }}""";

    @Test
    @DisplayName("Every ${Name} placeholder is replaced by its substitution")
    void substitutesPlaceholders() {
        StateMachineDefinition definition = StateMachineDefinition.parse(WITH_PLACEHOLDERS,
                Map.of("FirstArn", "arn:aws:lambda:us-east-1:000000000000:function:first",
                        "SecondArn", "arn:aws:lambda:us-east-1:000000000000:function:second"));
        assertEquals("arn:aws:lambda:us-east-1:000000000000:function:first", definition.state("A").get("Resource").asText());
        assertEquals("arn:aws:lambda:us-east-1:000000000000:function:second", definition.state("B").get("Resource").asText());
        assertTrue(!definition.toJson().contains("${"));
    }

    @Test
    @DisplayName("A placeholder without a substitution fails loading and names the placeholder")
    void missingPlaceholderFails() {
        InvalidDefinitionException error = assertThrows(InvalidDefinitionException.class,
                () -> StateMachineDefinition.parse(WITH_PLACEHOLDERS, Map.of("FirstArn", "arn:x")));
        assertTrue(error.getMessage().contains("${SecondArn}"), error.getMessage());
    }

    @Test
    @DisplayName("Validation reports a missing StartAt target, a missing Next target, a state without Next or End and a Choice without Choices")
    void validatesTheGraph() {
        InvalidDefinitionException error = assertThrows(InvalidDefinitionException.class, () -> StateMachineDefinition.parse("""
                {"StartAt": "Nowhere", "States": {
                  "A": {"Type": "Pass", "Next": "Missing"},
                  "B": {"Type": "Pass"},
                  "C": {"Type": "Choice", "Default": "A"},
                  "D": {"Type": "Task", "Resource": "arn:x", "End": true,
                        "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Gone"}]}
                }}"""));
        String message = error.getMessage();
        assertTrue(message.contains("StartAt 'Nowhere' is not a state"), message);
        assertTrue(message.contains("State 'A': Next 'Missing' is not a state"), message);
        assertTrue(message.contains("State 'B': needs Next or \"End\": true"), message);
        assertTrue(message.contains("State 'C': Choice needs a non-empty Choices array"), message);
        assertTrue(message.contains("State 'D': Catch[0].Next 'Gone' is not a state"), message);
    }

    @Test
    @DisplayName("Branches and item processors are validated too, and malformed JSON is reported as such")
    void validatesNestedAndJson() {
        InvalidDefinitionException nested = assertThrows(InvalidDefinitionException.class, () -> StateMachineDefinition.parse("""
                {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
                  {"StartAt": "X", "States": {"X": {"Type": "Pass", "Next": "Y"}}}]}}}"""));
        assertTrue(nested.getMessage().contains("Branches[0] > State 'X': Next 'Y' is not a state"), nested.getMessage());

        InvalidDefinitionException json = assertThrows(InvalidDefinitionException.class,
                () -> StateMachineDefinition.parse("{\"StartAt\": "));
        assertTrue(json.getMessage().startsWith("Definition is not valid JSON"), json.getMessage());
    }
}
