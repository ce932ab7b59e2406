package app.go.adapter.aws.sqs;

import app.go.support.queue.DeadLetters;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

import java.util.Map;

/**
 * Sends a poison record to a dead-letter queue as it arrived, its reason in the {@code poisonReason}
 * attribute (SQS keeps attributes through {@code start-message-move-task}, so a redrive after a fix
 * still says why it was parked).
 */
public final class SqsDeadLetters implements DeadLetters {
    private static final int MAX_REASON_LENGTH = 1_000;

    private final SqsClient sqs;
    private final String deadLetterQueueUrl;
    private final boolean fifo;

    public SqsDeadLetters(SqsClient sqs, String deadLetterQueueUrl) {
        this.sqs = sqs;
        this.deadLetterQueueUrl = deadLetterQueueUrl;
        this.fifo = deadLetterQueueUrl.endsWith(".fifo");
    }

    @Override
    public void park(String body, String groupId, String messageId, String reason) {
        String shortReason = reason == null || reason.isBlank() ? "unknown"
                : reason.length() > MAX_REASON_LENGTH ? reason.substring(0, MAX_REASON_LENGTH) : reason;
        SendMessageRequest.Builder request = SendMessageRequest.builder()
                .queueUrl(deadLetterQueueUrl)
                .messageBody(body == null || body.isEmpty() ? "(empty)" : body)
                .messageAttributes(Map.of("poisonReason", MessageAttributeValue.builder()
                        .dataType("String").stringValue(shortReason).build()));
        if (fifo) {
            request.messageGroupId(groupId == null ? "poison" : groupId).messageDeduplicationId(messageId);
        }
        sqs.sendMessage(request.build());
    }
}
