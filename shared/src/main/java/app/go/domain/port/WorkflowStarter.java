package app.go.domain.port;

/** Port to start a long-running workflow (a Step Functions state machine). */
public interface WorkflowStarter {

    /**
     * Starts an execution named by a business key; starting the same name again with the same input
     * is a no-op, so retried events start one execution.
     *
     * @return the execution's id (ARN)
     */
    String start(String executionName, Object input);
}
