package app.go.wiring.lambda;

import app.go.support.log.Log;
import app.go.support.queue.DeadLetters;
import app.go.support.queue.PoisonRecordException;
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
 * holds. A poison record ({@link PoisonRecordException}: retrying cannot help) is parked on the
 * dead-letter queue at once with its reason and acknowledged, so it neither burns the queue's
 * receives nor blocks its message group; only if parking fails is it reported, to come back.
 */
public final class SqsBatch {
    private static final Log LOG = Log.get(SqsBatch.class);

    private SqsBatch() {}

    public static SQSBatchResponse process(SQSEvent event, DeadLetters deadLetters,
                                           Consumer<SQSEvent.SQSMessage> recordHandler) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        Set<String> failedGroups = new HashSet<>();
        List<SQSEvent.SQSMessage> records = event.getRecords() == null ? List.of() : event.getRecords();
        for (SQSEvent.SQSMessage record : records) {
            String group = attribute(record, "MessageGroupId");
            if (group != null && failedGroups.contains(group)) {
                failures.add(new SQSBatchResponse.BatchItemFailure(record.getMessageId()));
                continue;
            }
            if (!handle(record, group, deadLetters, recordHandler)) {
                failures.add(new SQSBatchResponse.BatchItemFailure(record.getMessageId()));
                if (group != null) {
                    failedGroups.add(group);
                }
            }
        }
        return new SQSBatchResponse(failures);
    }

    /** True when the record is done with: handled, or parked as poison. */
    private static boolean handle(SQSEvent.SQSMessage record, String group, DeadLetters deadLetters,
                                  Consumer<SQSEvent.SQSMessage> recordHandler) {
        try {
            recordHandler.accept(record);
            return true;
        } catch (PoisonRecordException poison) {
            return park(record, group, deadLetters, poison.getMessage());
        } catch (RuntimeException e) {
            LOG.error("record failed; it will be retried", e, "messageId", record.getMessageId(),
                    "receiveCount", attribute(record, "ApproximateReceiveCount"));
            return false;
        }
    }

    private static boolean park(SQSEvent.SQSMessage record, String group, DeadLetters deadLetters, String reason) {
        try {
            deadLetters.park(record.getBody(), group, record.getMessageId(), reason);
            LOG.warn("poison record parked on the dead-letter queue", "messageId", record.getMessageId(),
                    "reason", reason);
            return true;
        } catch (RuntimeException e) {
            LOG.error("poison record could not be parked; it will come back", e, "messageId", record.getMessageId(),
                    "reason", reason);
            return false;
        }
    }

    private static String attribute(SQSEvent.SQSMessage record, String name) {
        return record.getAttributes() == null ? null : record.getAttributes().get(name);
    }
}
