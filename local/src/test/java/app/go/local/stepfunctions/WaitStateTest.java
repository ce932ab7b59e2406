package app.go.local.stepfunctions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.go.support.time.AdjustableClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WaitStateTest {
    private static final String FN = "arn:aws:lambda:us-east-1:000000000000:function:after";
    private static final String WAIT_A_DAY_THEN_TASK = """
            {"StartAt": "Sleep", "States": {
              "Sleep": {"Type": "Wait", "Seconds": 86400, "Next": "After"},
              "After": {"Type": "Task", "Resource": "%s", "End": true}
            }}""".formatted(FN);

    private final Interpreters interpreters = new Interpreters();

    @AfterEach
    void close() {
        interpreters.close();
    }

    @Test
    @DisplayName("On a virtual clock a Wait of one day passes instantly and the next state runs one day later by the clock")
    void virtualDay() throws Exception {
        interpreters.invoker.returning(FN, "\"done\"");
        long started = System.nanoTime();
        assertEquals("done", interpreters.run(WAIT_A_DAY_THEN_TASK, "{}").asText());
        assertTrue(System.nanoTime() - started < 1_000_000_000L);
        assertEquals(VirtualTime.START.plus(Duration.ofDays(1)), interpreters.invoker.calls(FN).get(0).at());
    }

    @Test
    @DisplayName("With the system's AdjustableClock, advancing it by a day releases a one-day Wait within well under a second")
    void adjustableClockAdvanced() throws Exception {
        AdjustableClock clock = AdjustableClock.systemUtc();
        FakeTaskInvoker invoker = new FakeTaskInvoker(clock).returning(FN, "\"done\"");
        try (LocalStepFunctions sfn = new LocalStepFunctions(invoker, clock, new ClockPollingWaiter(clock, Duration.ofMillis(10)))) {
            String arn = sfn.register("waiter", StateMachineDefinition.parse(WAIT_A_DAY_THEN_TASK));
            long started = System.nanoTime();
            String execution = sfn.startExecution(arn, "day", "{}").executionArn();
            awaitStateEntered(sfn, execution, "Sleep");
            Thread.sleep(50);
            assertEquals(ExecutionStatus.RUNNING, sfn.describeExecution(execution).status(), "still waiting without an advance");

            clock.advance(Duration.ofDays(1));
            ExecutionDescription done = sfn.awaitCompletion(execution, Duration.ofSeconds(5));

            assertEquals(ExecutionStatus.SUCCEEDED, done.status());
            assertEquals("\"done\"", done.output());
            assertTrue(System.nanoTime() - started < 1_000_000_000L, "well under a second of real time");
        }
    }

    @Test
    @DisplayName("Timestamp and TimestampPath wait until that instant; SecondsPath reads the seconds from the input")
    void timestampsAndSecondsPath() throws Exception {
        interpreters.invoker.returning(FN, "{}");
        interpreters.run("""
                {"StartAt": "Until", "States": {
                  "Until": {"Type": "Wait", "Timestamp": "2026-01-03T00:00:00Z", "Next": "After"},
                  "After": {"Type": "Task", "Resource": "%s", "End": true}}}""".formatted(FN), "{}");
        assertEquals(Instant.parse("2026-01-03T00:00:00Z"), interpreters.invoker.calls(FN).get(0).at());

        JsonNode passedThrough = interpreters.run("""
                {"StartAt": "Until", "States": {
                  "Until": {"Type": "Wait", "TimestampPath": "$.at", "Next": "For"},
                  "For": {"Type": "Wait", "SecondsPath": "$.pause", "Next": "After"},
                  "After": {"Type": "Task", "Resource": "%s", "ResultPath": null, "End": true}}}""".formatted(FN),
                "{\"at\": \"2026-01-05T00:00:00+00:00\", \"pause\": 60}");
        assertEquals(Instant.parse("2026-01-05T00:01:00Z"), interpreters.invoker.calls(FN).get(1).at());
        assertEquals(Json.parse("{\"at\": \"2026-01-05T00:00:00+00:00\", \"pause\": 60}"), passedThrough);
    }

    private static void awaitStateEntered(LocalStepFunctions sfn, String execution, String state) throws InterruptedException {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (sfn.executionHistory(execution).stream()
                    .anyMatch(e -> e.type().equals("StateEntered") && state.equals(e.stateName()))) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError(state + " was never entered");
    }
}
