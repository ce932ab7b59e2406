package app.go.wiring.topology;

/**
 * An SQS queue with its dead-letter queue. FIFO queues keep order per message group (the
 * conversation) and use content-based deduplication.
 */
public record QueueSpec(String id, String envVar, boolean fifo, int maxReceiveCount) {

    public String localName() {
        return "go-" + id + (fifo ? ".fifo" : "");
    }

    public String localDeadLetterName() {
        return "go-" + id + "-dlq" + (fifo ? ".fifo" : "");
    }
}
