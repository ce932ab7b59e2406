package app.go.local.stepfunctions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LocalStepFunctionsTest {
    private static final String FN = "arn:aws:lambda:us-east-1:000000000000:function:work";
    private static final Duration AWAIT = Duration.ofSeconds(5);
    private static final StateMachineDefinition ONE_TASK = StateMachineDefinition.parse("""
            {"StartAt": "Work", "States": {"Work": {"Type": "Task", "Resource": "%s", "End": true}}}""".formatted(FN));

    private final VirtualTime time = new VirtualTime();
    private final FakeTaskInvoker invoker = new FakeTaskInvoker(time);
    private final LocalStepFunctions sfn = new LocalStepFunctions(invoker, time, time);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void close() {
        release.countDown();
        sfn.close();
    }

    private void blockUntilReleased() {
        invoker.on(FN, (input, n) -> {
            release.await(5, TimeUnit.SECONDS);
            return input;
        });
    }

    @Test
    @DisplayName("Reusing a RUNNING execution's name with the same input returns it; other input, or after it ends, is ExecutionAlreadyExists")
    void executionNameIdempotency() throws Exception {
        blockUntilReleased();
        String machine = sfn.register("work", ONE_TASK);
        StartedExecution first = sfn.startExecution(machine, "order-42", "{\"id\": 42}");
        StartedExecution again = sfn.startExecution(machine, "order-42", "{ \"id\" : 42 }");
        assertEquals(first, again, "same name and same input: the existing execution");
        assertEquals(LocalStepFunctions.executionArn("work", "order-42"), first.executionArn());

        StepFunctionsServiceException different = assertThrows(StepFunctionsServiceException.class,
                () -> sfn.startExecution(machine, "order-42", "{\"id\": 43}"));
        assertEquals("ExecutionAlreadyExists", different.errorType());

        release.countDown();
        assertEquals(ExecutionStatus.SUCCEEDED, sfn.awaitCompletion(first.executionArn(), AWAIT).status());
        StepFunctionsServiceException closed = assertThrows(StepFunctionsServiceException.class,
                () -> sfn.startExecution(machine, "order-42", "{\"id\": 42}"));
        assertEquals("ExecutionAlreadyExists", closed.errorType());
        assertEquals(1, invoker.calls(FN).size(), "the task ran once");
    }

    @Test
    @DisplayName("An execution records status, input, output, dates and a history of state and task events")
    void describeAndHistory() throws Exception {
        invoker.on(FN, (input, n) -> {
            if (n == 1) {
                throw new TaskFailedException("Flaky", "first call");
            }
            return Json.parse("{\"done\": true}");
        });
        String machine = sfn.register("work", StateMachineDefinition.parse("""
                {"StartAt": "Work", "States": {"Work": {"Type": "Task", "Resource": "%s", "End": true,
                  "Retry": [{"ErrorEquals": ["Flaky"]}]}}}""".formatted(FN)));
        StartedExecution started = sfn.startExecution(machine, null, null);
        ExecutionDescription done = sfn.awaitCompletion(started.executionArn(), AWAIT);

        assertEquals(ExecutionStatus.SUCCEEDED, done.status());
        assertEquals("{}", done.input());
        assertEquals("{\"done\":true}", done.output());
        assertNotNull(UUID.fromString(done.name()), "an unnamed execution gets a UUID");
        assertEquals(VirtualTime.START, done.startDate());
        assertEquals(VirtualTime.START.plusSeconds(1), done.stopDate(), "one retry interval later");
        List<String> types = sfn.executionHistory(started.executionArn()).stream().map(HistoryEvent::type).toList();
        assertEquals(List.of("ExecutionStarted", "StateEntered", "TaskFailed", "RetryScheduled", "StateExited",
                "ExecutionSucceeded"), types);
    }

    @Test
    @DisplayName("StopExecution aborts a running execution with the given error and cause and interrupts its task")
    void stopAborts() throws Exception {
        CountDownLatch taskStarted = new CountDownLatch(1);
        CountDownLatch taskInterrupted = new CountDownLatch(1);
        invoker.on(FN, (input, n) -> {
            taskStarted.countDown();
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                taskInterrupted.countDown();
            }
            return input;
        });
        String machine = sfn.register("work", ONE_TASK);
        String execution = sfn.startExecution(machine, "stop-me", "{}").executionArn();
        assertTrue(taskStarted.await(2, TimeUnit.SECONDS));

        sfn.stopExecution(execution, "Cancelled", "the user gave up");
        ExecutionDescription stopped = sfn.awaitCompletion(execution, AWAIT);

        assertEquals(ExecutionStatus.ABORTED, stopped.status());
        assertEquals("Cancelled", stopped.error());
        assertEquals("the user gave up", stopped.cause());
        assertTrue(taskInterrupted.await(2, TimeUnit.SECONDS), "the running task was interrupted");
    }

    @Test
    @DisplayName("A definition's TimeoutSeconds ends a long execution as TIMED_OUT; a Fail state ends it FAILED")
    void timedOutAndFailed() throws Exception {
        String slow = sfn.register("slow", StateMachineDefinition.parse("""
                {"TimeoutSeconds": 10, "StartAt": "Sleep", "States": {"Sleep": {"Type": "Wait", "Seconds": 100, "End": true}}}"""));
        ExecutionDescription timedOut = sfn.awaitCompletion(sfn.startExecution(slow, "slow-1", "{}").executionArn(), AWAIT);
        assertEquals(ExecutionStatus.TIMED_OUT, timedOut.status());
        assertEquals("States.Timeout", timedOut.error());

        String failing = sfn.register("failing", StateMachineDefinition.parse("""
                {"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "Broken", "Cause": "on purpose"}}}"""));
        ExecutionDescription failed = sfn.awaitCompletion(sfn.startExecution(failing, "f-1", "{}").executionArn(), AWAIT);
        assertEquals(ExecutionStatus.FAILED, failed.status());
        assertEquals("Broken", failed.error());
        assertEquals("on purpose", failed.cause());

        assertEquals(List.of("f-1"), sfn.listExecutions(failing, ExecutionStatus.FAILED).stream()
                .map(ExecutionDescription::name).toList());
        assertEquals(List.of(), sfn.listExecutions(failing, ExecutionStatus.SUCCEEDED));
        assertEquals(List.of("slow", "failing"), sfn.listStateMachines().stream().map(StateMachineInfo::name).toList());
    }

    @Test
    @DisplayName("Unknown state machines and executions, malformed ARNs, bad names and non-JSON input are refused with AWS's error names")
    void apiErrors() {
        String machine = sfn.register("work", ONE_TASK);
        assertEquals("StateMachineDoesNotExist", errorOf(() -> sfn.startExecution(LocalStepFunctions.stateMachineArn("nope"), null, "{}")));
        assertEquals("ExecutionDoesNotExist", errorOf(() -> sfn.describeExecution(LocalStepFunctions.executionArn("work", "nope"))));
        assertEquals("InvalidArn", errorOf(() -> sfn.describeExecution("not-an-arn")));
        assertEquals("InvalidName", errorOf(() -> sfn.startExecution(machine, "has space", "{}")));
        assertEquals("InvalidExecutionInput", errorOf(() -> sfn.startExecution(machine, null, "{not json")));
    }

    private static String errorOf(Runnable call) {
        return assertThrows(StepFunctionsServiceException.class, call::run).errorType();
    }
}
