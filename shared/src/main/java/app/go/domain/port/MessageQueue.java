package app.go.domain.port;

/** Port to send work to a queue; the SQS adapter serializes {@code body} as JSON. */
public interface MessageQueue {

    /**
     * @param groupId         FIFO message group (order is kept within it); ignored by standard queues
     * @param deduplicationId business id of the message; FIFO drops repeats within 5 minutes
     */
    void send(Object body, String groupId, String deduplicationId);
}
