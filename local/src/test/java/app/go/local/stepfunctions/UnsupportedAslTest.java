package app.go.local.stepfunctions;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The local executor refuses at load what it does not implement, instead of ignoring it")
class UnsupportedAslTest {
    private static final String TASK = "\"Type\": \"Task\", \"Resource\": \"arn:aws:lambda:us-east-1:000000000000:function:f\", \"End\": true";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"QueryLanguage\": \"JSONata\", \"StartAt\": \"A\", \"States\": {\"A\": {" + TASK + "}}}",
            "{\"StartAt\": \"A\", \"States\": {\"A\": {" + TASK + ", \"HeartbeatSeconds\": 60}}}",
            "{\"StartAt\": \"A\", \"States\": {\"A\": {" + TASK + ", \"Arguments\": {}}}}",
            "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\", \"End\": true}}}",
            "{\"StartAt\": \"A\", \"States\": {\"A\": {" + TASK + ", \"Retry\": [{\"ErrorEquals\": [\"States.ALL\"], \"JitterStrategy\": \"FULL\"}]}}}",
            "{\"StartAt\": \"M\", \"States\": {\"M\": {\"Type\": \"Map\", \"End\": true, \"ItemProcessor\": {"
                    + "\"ProcessorConfig\": {\"Mode\": \"DISTRIBUTED\", \"ExecutionType\": \"STANDARD\"}, \"StartAt\": \"A\", \"States\": {\"A\": {" + TASK + "}}}}}}",
            "{\"StartAt\": \"M\", \"States\": {\"M\": {\"Type\": \"Map\", \"End\": true, \"ItemReader\": {}, \"ItemProcessor\": {"
                    + "\"StartAt\": \"A\", \"States\": {\"A\": {" + TASK + "}}}}}}"
    })
    @DisplayName("JSONata, HeartbeatSeconds, Arguments, service integrations, retry jitter, Distributed Map and ItemReader are refused")
    void refused(String definition) {
        InvalidDefinitionException e = assertThrows(InvalidDefinitionException.class, () -> StateMachineDefinition.parse(definition));
        assertTrue(e.getMessage().contains("not implemented") || e.getMessage().contains("Lambda function ARNs only"), e.getMessage());
    }

    @Test
    @DisplayName("an inline Map with the fields the executor implements still loads")
    void inlineMapLoads() {
        StateMachineDefinition.parse("{\"Comment\": \"c\", \"StartAt\": \"M\", \"States\": {\"M\": {\"Type\": \"Map\", \"End\": true, "
                + "\"ItemsPath\": \"$.items\", \"MaxConcurrency\": 2, \"ItemProcessor\": {\"ProcessorConfig\": {\"Mode\": \"INLINE\"}, "
                + "\"StartAt\": \"A\", \"States\": {\"A\": {" + TASK + ", \"TimeoutSeconds\": 5, \"ResultPath\": \"$.r\"}}}}}}");
    }
}
