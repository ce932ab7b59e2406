package app.go.wiring.lambda;

import app.go.support.log.Log;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Processes an SQS batch record by record and reports the failed ones (ReportBatchItemFailures),
 * so only those come back. On a FIFO queue, once a record of a message group fails, the group's
 * later records in the batch are not processed and are reported too: order within a conversation
 * holds.
 */
public final class SqsBatch {
    private static final Log LOG = Log.get(SqsBatch.class);

    private SqsBatch() {}

    public static SQSBatchResponse process(SQSEvent event, Consumer<SQSEvent.SQSMessage> recordHandler) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        Set<String> failedGroups = new HashSet<>();
        List<SQSEvent.SQSMessage> records = event.getRecords() == null ? List.of() : event.getRecords();
        for (SQSEvent.SQSMessage record : records) {
            String group = record.getAttributes() == null ? null : record.getAttributes().get("MessageGroupId");
            if (group != null && failedGroups.contains(group)) {
                failures.add(new SQSBatchResponse.BatchItemFailure(record.getMessageId()));
                continue;
            }
            try {
                recordHandler.accept(record);
            } catch (RuntimeException e) {
                LOG.error("record failed; it will be retried", e, "messageId", record.getMessageId(),
                        "receiveCount", record.getAttributes() == null ? null : record.getAttributes().get("ApproximateReceiveCount"));
                failures.add(new SQSBatchResponse.BatchItemFailure(record.getMessageId()));
                if (group != null) {
                    failedGroups.add(group);
                }
            }
        }
        return new SQSBatchResponse(failures);
    }
}
