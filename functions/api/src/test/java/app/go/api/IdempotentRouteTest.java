package app.go.api;

import app.go.support.json.Json;
import app.go.testing.InMemoryIdempotencyStore;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IdempotentRouteTest {
    private final AtomicInteger calls = new AtomicInteger();
    private final HttpApiHandler handler = new HttpApiHandler(Map.of("POST /conversations/{id}/messages",
            new IdempotentRoute(request -> ApiResponses.json(201, Map.of("n", calls.incrementAndGet())), new InMemoryIdempotencyStore())));

    private APIGatewayV2HTTPResponse post(String conversationId, String body, String key) {
        APIGatewayV2HTTPEvent event = HttpApiHandlerTest.event("POST /conversations/{id}/messages",
                Map.of("sub", "c-1", "role", "client"), body);
        event.setRawPath("/conversations/" + conversationId + "/messages");
        event.setHeaders(Map.of("idempotency-key", key));
        return handler.handleRequest(event, null);
    }

    @Test
    @DisplayName("Idempotency-Key: a repeat of the same request returns the first response and acts once")
    void repeatReplays() {
        APIGatewayV2HTTPResponse first = post("c-a", "{\"text\":\"hi\"}", "k-1");
        APIGatewayV2HTTPResponse again = post("c-a", "{\"text\":\"hi\"}", "k-1");
        assertEquals(first.getBody(), again.getBody());
        assertEquals(201, again.getStatusCode());
        assertEquals(1, calls.get());
    }

    @Test
    @DisplayName("Idempotency-Key: the same key on another conversation or with another body is 422 IDEMPOTENCY_KEY_REUSED, not a replay")
    void reuseForAnotherRequestIsRefused() {
        post("c-a", "{\"text\":\"hi\"}", "k-2");
        APIGatewayV2HTTPResponse otherPath = post("c-b", "{\"text\":\"hi\"}", "k-2");
        APIGatewayV2HTTPResponse otherBody = post("c-a", "{\"text\":\"bye\"}", "k-2");
        assertEquals(422, otherPath.getStatusCode());
        assertEquals("IDEMPOTENCY_KEY_REUSED", Json.parse(otherPath.getBody()).get("code").asText());
        assertEquals(422, otherBody.getStatusCode());
        assertEquals(1, calls.get());
    }
}
