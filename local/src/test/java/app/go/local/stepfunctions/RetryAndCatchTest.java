package app.go.local.stepfunctions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RetryAndCatchTest {
    private static final String FN = "arn:aws:lambda:us-east-1:000000000000:function:work";

    private final Interpreters interpreters = new Interpreters();

    @AfterEach
    void close() {
        interpreters.close();
    }

    private static String taskWith(String retryAndCatch) {
        return """
                {"StartAt": "Work", "States": {
                  "Work": {"Type": "Task", "Resource": "%s", %s "End": true},
                  "Recover": {"Type": "Pass", "End": true}
                }}""".formatted(FN, retryAndCatch);
    }

    private List<Duration> gapsBetweenCalls() {
        List<Instant> times = interpreters.invoker.calls(FN).stream().map(FakeTaskInvoker.Call::at).toList();
        return IntStream.range(1, times.size())
                .mapToObj(i -> Duration.between(times.get(i - 1), times.get(i))).toList();
    }

    @Test
    @DisplayName("Retry waits IntervalSeconds, then multiplies by BackoffRate each time, makes MaxAttempts retries, then Catch takes over")
    void backoffThenCatch() throws Exception {
        interpreters.invoker.failing(FN, "Boom", "always");
        JsonNode output = interpreters.run(taskWith("""
                "Retry": [{"ErrorEquals": ["Boom"], "IntervalSeconds": 2, "MaxAttempts": 3, "BackoffRate": 3.0}],
                "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Recover"}],
                """), "{}");

        assertEquals(4, interpreters.invoker.calls(FN).size(), "one attempt plus MaxAttempts retries");
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(6), Duration.ofSeconds(18)), gapsBetweenCalls());
        assertEquals("Boom", output.get("Error").asText(), "the Catch's default ResultPath $ replaces the input with the error");
    }

    @Test
    @DisplayName("Retry defaults are IntervalSeconds 1, MaxAttempts 3, BackoffRate 2.0, and MaxDelaySeconds caps the wait")
    void defaultsAndMaxDelay() throws Exception {
        interpreters.invoker.failing(FN, "Boom", "always");
        interpreters.failure(taskWith("\"Retry\": [{\"ErrorEquals\": [\"Boom\"]}],"), "{}");
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), gapsBetweenCalls());

        Interpreters capped = new Interpreters();
        try (capped) {
            capped.invoker.failing(FN, "Boom", "always");
            capped.failure(taskWith("\"Retry\": [{\"ErrorEquals\": [\"Boom\"], \"IntervalSeconds\": 10, \"MaxAttempts\": 4, \"MaxDelaySeconds\": 25}],"), "{}");
            List<Instant> times = capped.invoker.calls(FN).stream().map(FakeTaskInvoker.Call::at).toList();
            assertEquals(Duration.ofSeconds(10 + 20 + 25 + 25), Duration.between(times.get(0), times.get(4)));
        }
    }

    @Test
    @DisplayName("MaxAttempts 0 means no retry, and a task that succeeds on a retry continues normally")
    void zeroAttemptsAndRecovery() throws Exception {
        interpreters.invoker.failing(FN, "Boom", "always");
        StatesFailure failure = interpreters.failure(taskWith("\"Retry\": [{\"ErrorEquals\": [\"Boom\"], \"MaxAttempts\": 0}],"), "{}");
        assertEquals("Boom", failure.error());
        assertEquals(1, interpreters.invoker.calls(FN).size());

        Interpreters flaky = new Interpreters();
        try (flaky) {
            flaky.invoker.on(FN, (input, n) -> {
                if (n < 3) {
                    throw new TaskFailedException("Flaky", "call " + n);
                }
                return Json.parse("{\"ok\": true}");
            });
            JsonNode output = flaky.run(taskWith("\"Retry\": [{\"ErrorEquals\": [\"States.TaskFailed\"]}],"), "{}");
            assertEquals(Json.parse("{\"ok\": true}"), output);
            assertEquals(3, flaky.invoker.calls(FN).size());
        }
    }

    @Test
    @DisplayName("Only the first matching retrier applies; States.TaskFailed does not match States.Timeout")
    void firstMatchingRetrierAndTaskFailedExcludesTimeout() throws Exception {
        interpreters.invoker.failing(FN, "States.Timeout", "slow");
        StatesFailure failure = interpreters.failure(taskWith("""
                "Retry": [{"ErrorEquals": ["States.TaskFailed"], "MaxAttempts": 5},
                          {"ErrorEquals": ["States.Timeout"], "MaxAttempts": 1}],
                """), "{}");
        assertEquals("States.Timeout", failure.error());
        assertEquals(2, interpreters.invoker.calls(FN).size(), "retried once by the second retrier only");
    }

    @Test
    @DisplayName("Catch puts {Error, Cause} at its ResultPath inside the state's original input and goes to its Next")
    void catchWithResultPath() throws Exception {
        interpreters.invoker.failing(FN, "PaymentDeclined", "card expired");
        JsonNode output = interpreters.run(taskWith("""
                "InputPath": "$.order",
                "Catch": [{"ErrorEquals": ["Other"], "Next": "Recover"},
                          {"ErrorEquals": ["PaymentDeclined"], "ResultPath": "$.failure.detail", "Next": "Recover"}],
                """), "{\"order\": {\"id\": 7}, \"keep\": 1}");
        assertEquals(Json.parse("""
                {"order": {"id": 7}, "keep": 1,
                 "failure": {"detail": {"Error": "PaymentDeclined", "Cause": "card expired"}}}"""), output);
    }

    @Test
    @DisplayName("An exception other than TaskFailedException is reported with its class name as the error")
    void exceptionClassNameIsTheError() {
        interpreters.invoker.on(FN, (input, n) -> {
            throw new IllegalStateException("bad state");
        });
        StatesFailure failure = interpreters.failure(taskWith(""), "{}");
        assertEquals("java.lang.IllegalStateException", failure.error());
        assertEquals("bad state", failure.errorCause());
    }

    @Test
    @DisplayName("A Task running past TimeoutSeconds fails with States.Timeout, which Catch can handle")
    void taskTimeout() throws Exception {
        interpreters.invoker.on(FN, (input, n) -> {
            Thread.sleep(10_000);
            return input;
        });
        long started = System.nanoTime();
        JsonNode output = interpreters.run(taskWith("""
                "TimeoutSeconds": 1,
                "Catch": [{"ErrorEquals": ["States.Timeout"], "ResultPath": "$.error", "Next": "Recover"}],
                """), "{}");
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        assertEquals("States.Timeout", output.at("/error/Error").asText());
        assertEquals(Duration.ofSeconds(1), interpreters.invoker.calls(FN).get(0).timeout(), "the invoker is told the timeout");
        assertTrue(elapsedMillis < 5_000, "the task was abandoned after its timeout, took " + elapsedMillis + " ms");
    }

    @Test
    @DisplayName("States.Runtime (a path that matches nothing) is not caught even by States.ALL")
    void runtimeErrorsAreNotCaught() {
        interpreters.invoker.returning(FN, "{}");
        StatesFailure failure = interpreters.failure(taskWith("""
                "InputPath": "$.missing",
                "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Recover"}],
                """), "{}");
        assertEquals("States.Runtime", failure.error());
        assertTrue(failure.errorCause().contains("$.missing"), failure.errorCause());
    }
}
