package app.go.wiring.topology;

/**
 * An SQS queue with its dead-letter queue. FIFO queues keep order per message group (the
 * conversation) and use content-based deduplication.
 */
public record QueueSpec(String id, String envVar, boolean fifo, int maxReceiveCount) {

    /** The variable holding the dead-letter queue's URL, for consumers that park poison records there. */
    public String deadLetterEnvVar() {
        return envVar.replace("_QUEUE_URL", "") + "_DLQ_URL";
    }

    public String localName() {
        return "go-" + id + (fifo ? ".fifo" : "");
    }

    public String localDeadLetterName() {
        return "go-" + id + "-dlq" + (fifo ? ".fifo" : "");
    }
}
