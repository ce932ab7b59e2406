package app.go.wiring.lambda;

import app.go.support.queue.PoisonRecordException;
import app.go.support.queue.QueueEnvelope;
import app.go.testing.RecordingDeadLetters;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqsBatchTest {

    private static SQSEvent.SQSMessage record(String id, String group, String body) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(id);
        message.setBody(body);
        message.setAttributes(group == null ? Map.of("ApproximateReceiveCount", "1")
                : Map.of("ApproximateReceiveCount", "1", "MessageGroupId", group));
        return message;
    }

    private static SQSEvent event(SQSEvent.SQSMessage... records) {
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(records));
        return event;
    }

    private static List<String> failed(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
    }

    @Test
    @DisplayName("Poison records: unparseable, unknown schema version and missing fields are parked on the DLQ on their first receive, each with its reason, and acknowledged")
    void poisonIsParkedAtOnce() {
        RecordingDeadLetters deadLetters = new RecordingDeadLetters();
        List<String> handled = new ArrayList<>();
        SQSBatchResponse response = SqsBatch.process(event(
                record("bad-json", "c-1", "{oops"),
                record("future", "c-1", "{\"schemaVersion\":2,\"id\":\"x\"}"),
                record("no-id", "c-1", "{\"schemaVersion\":1}"),
                record("good", "c-1", QueueEnvelope.seal(Map.of("id", "x")))), deadLetters,
                r -> handled.add(QueueEnvelope.open(r.getBody(), "id").get("id").asText()));

        assertEquals(List.of(), failed(response));
        assertEquals(List.of("x"), handled, "the group's later record is not held back by poison before it");
        List<String> reasons = deadLetters.parked().stream().map(RecordingDeadLetters.Parked::reason).toList();
        assertEquals(3, reasons.size());
        assertTrue(reasons.get(0).startsWith("unparseable JSON"), reasons.get(0));
        assertTrue(reasons.get(1).startsWith("unknown schemaVersion 2"), reasons.get(1));
        assertEquals("missing required field id", reasons.get(2));
        assertEquals("c-1", deadLetters.parked().get(0).groupId());
    }

    @Test
    @DisplayName("Transient failures are retried (reported), and the rest of their FIFO group waits behind them; other groups go on")
    void transientFailuresAreRetried() {
        RecordingDeadLetters deadLetters = new RecordingDeadLetters();
        List<String> handled = new ArrayList<>();
        SQSBatchResponse response = SqsBatch.process(event(
                record("a1", "a", "1"), record("a2", "a", "2"), record("b1", "b", "3")), deadLetters, r -> {
                    if (r.getMessageId().equals("a1")) {
                        throw new IllegalStateException("throttled");
                    }
                    handled.add(r.getMessageId());
                });
        assertEquals(List.of("a1", "a2"), failed(response));
        assertEquals(List.of("b1"), handled);
        assertEquals(List.of(), deadLetters.parked());
    }

    @Test
    @DisplayName("A poison record whose DLQ send fails is reported, so it comes back (and reaches the DLQ by the redrive policy) instead of being lost")
    void poisonThatCannotBeParkedComesBack() {
        SQSBatchResponse response = SqsBatch.process(event(record("p", null, "nope")), RecordingDeadLetters.failing(),
                r -> QueueEnvelope.open(r.getBody()));
        assertEquals(List.of("p"), failed(response));
    }

    @Test
    @DisplayName("Every queue message the project writes carries schemaVersion 1; a body without it is read as version 1")
    void schemaVersion() {
        assertEquals(1, QueueEnvelope.open(QueueEnvelope.seal(Map.of("id", "x"))).get("schemaVersion").asInt());
        assertEquals("x", QueueEnvelope.open("{\"id\":\"x\"}", "id").get("id").asText());
        assertThrows(PoisonRecordException.class, () -> QueueEnvelope.open("[1,2]"));
        assertThrows(PoisonRecordException.class, () -> QueueEnvelope.open("{\"schemaVersion\":\"1\"}"));
    }
}
