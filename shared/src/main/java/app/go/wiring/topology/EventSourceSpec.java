package app.go.wiring.topology;

import java.time.Duration;

/** An SQS event-source mapping; it always reports batch item failures. */
public record EventSourceSpec(QueueSpec queue, FunctionSpec function, int batchSize, Duration maxBatchingWindow) {

    /** Visibility timeout of the queue: six times the consumer's timeout, as AWS recommends. */
    public Duration visibilityTimeout() {
        return function.timeout().multipliedBy(6);
    }
}
