package app.go.testing;

import app.go.domain.port.WorkflowStarter;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Remembers started executions by name, like Step Functions' name-based idempotency. */
public final class RecordingWorkflowStarter implements WorkflowStarter {
    private final Map<String, Object> started = new LinkedHashMap<>();

    @Override
    public synchronized String start(String executionName, Object input) {
        started.putIfAbsent(executionName, input);
        return "arn:local:execution:" + executionName;
    }

    /** Execution name to input, in the order they were first started (a copy). */
    public synchronized Map<String, Object> started() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(started));
    }
}
