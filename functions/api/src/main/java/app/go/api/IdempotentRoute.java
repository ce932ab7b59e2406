package app.go.api;

import app.go.support.errors.DomainException;
import app.go.domain.port.IdempotencyStore;
import app.go.support.json.Json;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.Map;

/**
 * Honours the {@code Idempotency-Key} header: a repeat of a request with the same key (by the same
 * caller, on the same route) returns the first response instead of acting again.
 */
public final class IdempotentRoute implements Route {
    private static final Duration IN_PROGRESS_FOR = Duration.ofSeconds(30);
    private static final Duration REMEMBER_FOR = Duration.ofHours(24);
    private static final int MAX_KEY_LENGTH = 128;

    private final Route route;
    private final IdempotencyStore store;

    public IdempotentRoute(Route route, IdempotencyStore store) {
        this.route = route;
        this.store = store;
    }

    @Override
    public APIGatewayV2HTTPResponse handle(ApiRequest request) {
        String key = request.header("Idempotency-Key").orElse(null);
        if (key == null) {
            return route.handle(request);
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw DomainException.validation("Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        String storeKey = "api#" + request.caller().userId() + "#" + request.routeKey() + "#" + key;
        String fingerprint = request.fingerprint();
        try {
            String stored = store.once(storeKey, IN_PROGRESS_FOR, REMEMBER_FOR, () -> {
                APIGatewayV2HTTPResponse response = route.handle(request);
                ObjectNode saved = Json.object();
                saved.put("status", response.getStatusCode());
                saved.put("body", response.getBody());
                saved.put("fingerprint", fingerprint);
                return Json.write(saved);
            });
            JsonNode saved = Json.parse(stored);
            if (saved.hasNonNull("fingerprint") && !saved.get("fingerprint").asText().equals(fingerprint)) {
                // the same key for another request (another path or body) must not replay the first answer
                throw new DomainException(DomainException.Kind.RULE, "IDEMPOTENCY_KEY_REUSED",
                        "this Idempotency-Key was used for a different request; use a new key");
            }
            JsonNode body = saved.get("body");
            return APIGatewayV2HTTPResponse.builder().withStatusCode(saved.get("status").asInt())
                    .withHeaders(Map.of("content-type", "application/json"))
                    .withBody(body == null || body.isNull() ? null : body.asText()).build();
        } catch (IdempotencyStore.ConcurrentAttemptException e) {
            throw new DomainException(DomainException.Kind.CONFLICT, "IDEMPOTENCY_KEY_IN_USE",
                    "a request with this Idempotency-Key is still being processed");
        }
    }
}
