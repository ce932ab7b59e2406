package app.go.local.e2e;

import app.go.domain.conversation.InboundMessage;
import app.go.local.aws.LocalAws;
import app.go.support.json.Json;
import app.go.wiring.topology.SystemTopology;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole system through its real protocols: HTTP -> API handler -> DynamoDB + SQS FIFO ->
 * OnMessageHandler -> DynamoDB -> HTTP, and the handoff state machine with its Wait on the test clock.
 */
class MessageEndToEndTest extends LocalSystemTest {
    private static final Duration ASYNC = Duration.ofSeconds(20);

    private String seller;

    MessageEndToEndTest() {
        super("2026-03-08T09:00:00Z");
    }

    @BeforeAll
    void activeSeller() {
        seller = assistantSeller("s-e2e", Map.of("displayName", "Ada",
                "description", "Logo designer with 10 years of experience", "skills", List.of("logo design"),
                "languages", List.of("English", "German")), Map.of("title", "Logo design",
                "description", "A modern logo for your brand", "subcategory", "LOGO_DESIGN",
                "packages", List.of(Map.of("name", "Basic", "priceCents", 5000, "deliveryDays", 3, "revisions", 1)),
                "faq", List.of(Map.of("question", "Do you provide source files?", "answer", "Yes, AI and SVG files are included."))));
        activateAssistant(seller);
    }

    private static List<JsonNode> messages(JsonNode body) {
        return StreamSupport.stream(body.get("messages").spliterator(), false).toList();
    }

    @Test
    @DisplayName("PA-BEH-1 one message end to end: the client's question gets the assistant's answer from the seller's services")
    void oneMessageEndToEnd() {
        String client = api.token("c-e2e-1", "client");
        LocalApiClient.Response started = api.call("POST", "/conversations", client,
                Map.of("sellerId", "s-e2e", "serviceId", "logo", "text", "Hello, how much does a logo cost?"));
        assertEquals(201, started.status(), started.body().toString());
        String conversationId = started.body().get("conversationId").asText();

        JsonNode body = api.await("/conversations/" + conversationId + "/messages", client,
                b -> messages(b).size() >= 2, ASYNC).body();
        List<JsonNode> messages = messages(body);
        assertEquals("CLIENT", messages.get(0).get("author").asText());
        assertEquals("ASSISTANT", messages.get(1).get("author").asText());
        assertTrue(messages.get(1).get("text").asText().contains("$50.00"), messages.get(1).toString());
        assertEquals("en", messages.get(1).get("language").asText());

        // the seller sees the same conversation, handled by the assistant
        JsonNode inbox = api.call("GET", "/sellers/me/inbox", seller, null).body();
        assertTrue(inbox.toString().contains(conversationId));
    }

    @Test
    @DisplayName("Exactly once: the same SQS message delivered again produces no second reply")
    void duplicateDeliveryProducesOneReply() throws Exception {
        String client = api.token("c-e2e-2", "client");
        String conversationId = api.call("POST", "/conversations", client,
                Map.of("sellerId", "s-e2e", "text", "Hi, I need a logo for my bakery")).body().get("conversationId").asText();
        List<JsonNode> messages = messages(api.await("/conversations/" + conversationId + "/messages", client,
                b -> messages(b).size() >= 2, ASYNC).body());
        String clientMessageId = messages.get(0).get("id").asText();

        // redeliver the same business message under a new deduplication id, as a redrive would
        try (SqsClient sqs = LocalAws.sqsClient(URI.create(local.environment().get("AWS_ENDPOINT_URL_SQS")))) {
            sqs.sendMessage(b -> b.queueUrl(local.environment().get(SystemTopology.INBOUND_MESSAGES.envVar()))
                    .messageBody(Json.write(new InboundMessage("s-e2e", conversationId, clientMessageId)))
                    .messageGroupId(conversationId).messageDeduplicationId(clientMessageId + "-redelivered"));
        }
        Thread.sleep(1500);
        assertEquals(2, messages(api.call("GET", "/conversations/" + conversationId + "/messages", client, null).body()).size());
    }

    @Test
    @DisplayName("Idempotency-Key: repeating POST /conversations with the same key returns the first result and starts one conversation")
    void idempotencyKeyReturnsFirstResult() {
        String client = api.token("c-e2e-3", "client");
        Map<String, Object> body = Map.of("sellerId", "s-e2e", "text", "Hello there");
        Map<String, String> key = Map.of("Idempotency-Key", "k-123");
        LocalApiClient.Response first = api.call("POST", "/conversations", client, body, key);
        LocalApiClient.Response second = api.call("POST", "/conversations", client, body, key);
        assertEquals(201, first.status());
        assertEquals(first.body(), second.body());
    }

    @Test
    @DisplayName("PA-BEH-4/5/6 a custom-offer request hands over: summary, seller notified, follow-up after the wait on the test clock")
    void handoffThroughTheStateMachine() {
        String client = api.token("c-e2e-4", "client");
        String conversationId = api.call("POST", "/conversations", client,
                Map.of("sellerId", "s-e2e", "text", "Could you make me a custom offer for five logos?")).body().get("conversationId").asText();
        api.await("/conversations/" + conversationId + "/summary", seller, b -> b.hasNonNull("summary"), ASYNC);
        api.await("/sellers/me/notifications", seller, b -> b.toString().contains(conversationId), ASYNC);
        int before = messages(api.call("GET", "/conversations/" + conversationId + "/messages", client, null).body()).size();

        api.call("POST", "/local/clock", null, Map.of("advance", "PT5H"));
        JsonNode after = api.await("/conversations/" + conversationId + "/messages", client,
                b -> messages(b).size() > before, ASYNC).body();
        JsonNode followUp = messages(after).get(messages(after).size() - 1);
        assertEquals("ASSISTANT", followUp.get("author").asText());
    }

    @Test
    @DisplayName("PA-ACT-3 while the assistant is active the marketplace is told to keep the seller's own auto-replies off")
    void sellerAutoRepliesOffWhileActive() {
        LocalApiClient.Response decision = api.call("GET", "/platform/sellers/s-e2e/auto-replies", platform, null);
        assertEquals(200, decision.status());
        assertFalse(decision.body().get("sellerAutoRepliesAllowed").asBoolean());
    }

    @Test
    @DisplayName("DATA-2 another client cannot read a conversation: 404, not 403")
    void otherTenantGetsNotFound() {
        String client = api.token("c-e2e-5", "client");
        String conversationId = api.call("POST", "/conversations", client,
                Map.of("sellerId", "s-e2e", "text", "Hello")).body().get("conversationId").asText();
        LocalApiClient.Response stranger = api.call("GET", "/conversations/" + conversationId + "/messages",
                api.token("c-stranger", "client"), null);
        assertEquals(404, stranger.status());
        assertEquals("NOT_FOUND", stranger.body().get("code").asText());
        assertTrue(stranger.contentType().startsWith("application/problem+json"));
    }

    @Test
    @DisplayName("Bad input gets a 400 problem with code VALIDATION_FAILED naming the field, and no token gets a 401")
    void badInputAndMissingToken() {
        String client = api.token("c-e2e-6", "client");
        LocalApiClient.Response bad = api.call("POST", "/conversations", client, Map.of("sellerId", "s-e2e"));
        assertEquals(400, bad.status());
        assertEquals("VALIDATION_FAILED", bad.body().get("code").asText());
        assertTrue(bad.body().get("detail").asText().contains("text"));
        LocalApiClient.Response malformed = api.call("POST", "/conversations", client, "{not json");
        assertEquals(400, malformed.status());
        assertEquals(401, api.call("GET", "/sellers/me/inbox", null, null).status());
        assertFalse(api.call("PUT", "/platform/sellers/s-x", seller, Map.of("level", 2)).status() < 400);
    }
}
