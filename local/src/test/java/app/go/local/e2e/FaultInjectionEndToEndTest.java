package app.go.local.e2e;

import app.go.local.aws.LocalAws;
import app.go.local.dynamodb.faults.Fault;
import app.go.local.dynamodb.faults.Operation;
import app.go.wiring.topology.SystemTopology;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Faults injected into the running system: the DynamoDB engine's hooks and records on the real queues. */
class FaultInjectionEndToEndTest extends LocalSystemTest {
    private static final Duration ASYNC = Duration.ofSeconds(20);

    FaultInjectionEndToEndTest() {
        super("2026-03-08T09:00:00Z");
    }

    @org.junit.jupiter.api.BeforeAll
    void activeSeller() {
        activateAssistant(assistantSeller("s-e2e", Map.of("displayName", "Ada", "skills", List.of("logo design"),
                "languages", List.of("English")), Map.of("title", "Logo design", "subcategory", "LOGO_DESIGN",
                "packages", List.of(Map.of("name", "Basic", "priceCents", 5000, "deliveryDays", 3, "revisions", 1)))));
    }

    private static int messages(JsonNode body) {
        return body.get("messages").size();
    }

    @Test
    @DisplayName("PA-BEH-1 the conversation write fails in DynamoDB (beyond the SDK's retries): 5xx, nothing stored; the client's retry with the same Idempotency-Key starts one conversation, which is answered")
    void dynamoFailureOnStartThenClientRetry() {
        String client = api.token("c-fault-1", "client");
        Map<String, String> key = Map.of("Idempotency-Key", "fault-start-1");
        Map<String, Object> body = Map.of("sellerId", "s-e2e", "text", "Hello, do you design logos?");
        local.dynamoFaults().orElseThrow().next(Operation.TRANSACT_WRITE_ITEMS, SystemTopology.CONVERSATIONS.localName(),
                10, Fault.INTERNAL_ERROR);
        LocalApiClient.Response failed = api.call("POST", "/conversations", client, body, key);
        local.dynamoFaults().orElseThrow().clear();
        assertTrue(failed.status() >= 500, failed.toString());

        LocalApiClient.Response first = api.call("POST", "/conversations", client, body, key);
        LocalApiClient.Response again = api.call("POST", "/conversations", client, body, key);
        assertEquals(201, first.status(), first.body().toString());
        String conversationId = first.body().get("conversationId").asText();
        assertEquals(conversationId, again.body().get("conversationId").asText());
        api.await("/conversations/" + conversationId + "/messages", client, b -> messages(b) >= 2, ASYNC);
        assertEquals(2, messages(api.call("GET", "/conversations/" + conversationId + "/messages", client, null).body()),
                "one client message, one reply");
    }

    @Test
    @DisplayName("Poison record on the real inbound FIFO queue: in the dead-letter queue within seconds (not after 5 receives), with its reason; the conversation's next message is still answered")
    void poisonRecordReachesTheDlqAtOnce() {
        String client = api.token("c-fault-2", "client");
        String conversationId = api.call("POST", "/conversations", client,
                Map.of("sellerId", "s-e2e", "text", "Hi, a logo please")).body().get("conversationId").asText();
        api.await("/conversations/" + conversationId + "/messages", client, b -> messages(b) >= 2, ASYNC);
        Instant sent = Instant.now();
        try (SqsClient sqs = LocalAws.sqsClient(URI.create(local.environment().get("AWS_ENDPOINT_URL_SQS")))) {
            sqs.sendMessage(b -> b.queueUrl(local.environment().get(SystemTopology.INBOUND_MESSAGES.envVar()))
                    .messageBody("{\"schemaVersion\":9,\"conversationId\":\"" + conversationId + "\"}")
                    .messageGroupId(conversationId).messageDeduplicationId("poison-1"));
            String dlq = local.environment().get(SystemTopology.INBOUND_MESSAGES.deadLetterEnvVar());
            List<Message> parked = List.of();
            while (parked.isEmpty() && Duration.between(sent, Instant.now()).compareTo(ASYNC) < 0) {
                parked = sqs.receiveMessage(b -> b.queueUrl(dlq).waitTimeSeconds(1).messageAttributeNames("All")).messages();
            }
            assertEquals(1, parked.size(), "parked on the DLQ");
            assertTrue(parked.get(0).messageAttributes().get("poisonReason").stringValue().startsWith("unknown schemaVersion 9"));
            assertTrue(Duration.between(sent, Instant.now()).compareTo(Duration.ofSeconds(15)) < 0, "at once, not after 5 x 180 s");
        }
        api.call("POST", "/conversations/" + conversationId + "/messages", client, Map.of("text", "Still there?"));
        api.await("/conversations/" + conversationId + "/messages", client, b -> messages(b) >= 4, ASYNC);
    }
}
