package app.go.local.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** An error raised while running states: what Retry and Catch see, and what fails an execution. */
class StatesFailure extends RuntimeException {
    static final String ALL = "States.ALL";
    static final String TASK_FAILED = "States.TaskFailed";
    static final String TIMEOUT = "States.Timeout";
    static final String RUNTIME = "States.Runtime";

    private final String error;
    private final String errorCause;

    StatesFailure(String error, String cause) {
        super(error + ": " + cause, null, false, false);
        this.error = error;
        this.errorCause = cause;
    }

    static StatesFailure runtime(String cause) {
        return new StatesFailure(RUNTIME, cause);
    }

    String error() {
        return error;
    }

    String errorCause() {
        return errorCause;
    }

    /** As in AWS, a States.Runtime error is never retried or caught, not even by States.ALL. */
    boolean isTerminal() {
        return RUNTIME.equals(error);
    }

    /** The object a Catch places at its ResultPath. */
    ObjectNode toErrorOutput() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("Error", error);
        node.put("Cause", errorCause);
        return node;
    }

    boolean matches(JsonNode errorEquals) {
        for (JsonNode name : errorEquals) {
            String expected = name.asText();
            if (expected.equals(error)
                    || ALL.equals(expected)
                    || (TASK_FAILED.equals(expected) && !TIMEOUT.equals(error))) {
                return true;
            }
        }
        return false;
    }
}
