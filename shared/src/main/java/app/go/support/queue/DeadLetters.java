package app.go.support.queue;

/** Where a consumer parks a record that can never succeed, with the reason, instead of retrying it. */
@FunctionalInterface
public interface DeadLetters {

    /**
     * @param body      the record's body, unchanged, so it can be redriven as it was
     * @param groupId   the record's FIFO message group, or null on a standard queue
     * @param messageId the record's SQS message id (deduplication on a FIFO dead-letter queue)
     */
    void park(String body, String groupId, String messageId, String reason);
}
