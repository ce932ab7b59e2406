package app.go.local.stepfunctions;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Runs a definition straight through the interpreter on virtual time. */
final class Interpreters implements AutoCloseable {
    static final String EXECUTION_ARN = LocalStepFunctions.executionArn("test", "run-1");

    final VirtualTime time = new VirtualTime();
    final FakeTaskInvoker invoker = new FakeTaskInvoker(time);
    private final ExecutorService workers = Executors.newCachedThreadPool();

    JsonNode run(String asl, String input) throws InterruptedException {
        JsonNode inputJson = Json.parse(input);
        ExecutionContext context = ExecutionContext.of(EXECUTION_ARN, "run-1", inputJson, VirtualTime.START,
                LocalStepFunctions.stateMachineArn("test"), "test", null);
        return new StateMachineInterpreter(invoker, time, time, workers, ExecutionObserver.NONE)
                .run(StateMachineDefinition.parse(asl), inputJson, context);
    }

    StatesFailure failure(String asl, String input) {
        return assertThrows(StatesFailure.class, () -> run(asl, input));
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
