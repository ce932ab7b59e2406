package app.go.local.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/** Runs the work behind a Task state's {@code Resource} (for this project, a Lambda function ARN). */
public interface TaskInvoker {

    /**
     * @param timeout the state's TimeoutSeconds; the executor also enforces it, so an invoker may ignore it
     * @throws TaskFailedException with the error name (for a Lambda, the exception class name) and cause
     */
    JsonNode invoke(String resourceArn, JsonNode input, Duration timeout) throws TaskFailedException;
}
