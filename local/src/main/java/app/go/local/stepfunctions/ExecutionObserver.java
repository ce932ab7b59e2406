package app.go.local.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;

/** What the interpreter reports while it runs, for the execution's history and log. */
interface ExecutionObserver {
    ExecutionObserver NONE = new ExecutionObserver() {
    };

    default void stateEntered(String state, String type, JsonNode input) {
    }

    /** A top-level state is entered: where a resumed execution would start again. */
    default void checkpoint(String state, JsonNode input, Instant enteredTime) {
    }

    /** {@code next} is null when the state ends its (sub-)machine. */
    default void stateExited(String state, JsonNode output, String next) {
    }

    default void attemptFailed(String state, StatesFailure failure) {
    }

    default void retryScheduled(String state, int retryNumber, Duration delay) {
    }

    default void errorCaught(String state, StatesFailure failure, String next) {
    }
}
