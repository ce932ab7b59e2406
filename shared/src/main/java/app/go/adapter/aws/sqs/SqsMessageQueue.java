package app.go.adapter.aws.sqs;

import app.go.support.queue.QueueEnvelope;
import app.go.domain.port.MessageQueue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/** Sends JSON messages (with their schema version) to one SQS queue; FIFO when the URL ends in {@code .fifo}. */
public final class SqsMessageQueue implements MessageQueue {
    private final SqsClient sqs;
    private final String queueUrl;
    private final boolean fifo;

    public SqsMessageQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.fifo = queueUrl.endsWith(".fifo");
    }

    @Override
    public void send(Object body, String groupId, String deduplicationId) {
        SendMessageRequest.Builder request = SendMessageRequest.builder().queueUrl(queueUrl).messageBody(QueueEnvelope.seal(body));
        if (fifo) {
            request.messageGroupId(groupId).messageDeduplicationId(deduplicationId);
        }
        sqs.sendMessage(request.build());
    }
}
