package app.go.api;

import app.go.adapter.offline.OfflineAssetGenerator;
import app.go.adapter.offline.OfflinePaymentGateway;
import app.go.domain.billing.OrderPayment;
import app.go.domain.creation.GenerationRequested;
import app.go.domain.creation.GenerationService;
import app.go.domain.creation.GenerationWorker;
import app.go.domain.creation.Model;
import app.go.domain.creation.Pricing;
import app.go.domain.creation.TrainingPipeline;
import app.go.testing.InMemoryBillingStore;
import app.go.testing.InMemoryBlobStore;
import app.go.testing.InMemoryCreationStore;
import app.go.testing.InMemoryGenerationStore;
import app.go.testing.InMemoryIdempotencyStore;
import app.go.testing.RecordingQueue;
import app.go.support.json.Json;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The client's generation routes over in-memory stores and the offline generator. */
class GenerationRoutesTest {
    private static final String SELLER = "s-1";
    private static final String CLIENT = "c-1";
    private static final String MODEL = "mdl_1";

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
    private final InMemoryCreationStore models = new InMemoryCreationStore();
    private final InMemoryGenerationStore store = new InMemoryGenerationStore(models);
    private final InMemoryBlobStore blobs = new InMemoryBlobStore();
    private final RecordingQueue queue = new RecordingQueue();
    private final InMemoryIdempotencyStore idempotency = new InMemoryIdempotencyStore();
    private final GenerationService service = new GenerationService(models, store, blobs, queue,
            new OrderPayment(new InMemoryBillingStore(), new OfflinePaymentGateway()), clock);
    private final GenerationWorker worker = new GenerationWorker(models, store, blobs, new OfflineAssetGenerator(), idempotency, clock);
    private final HttpApiHandler api;

    GenerationRoutesTest() {
        Instant now = clock.instant();
        models.createModel(Model.draft(MODEL, SELLER, "ILLUSTRATION", now).training("trn_1", "Illustration #1", now).ready(now)
                .withPricing(Pricing.perUnit(1_500), now).withPublished(true, now));
        models.activateModel(SELLER, MODEL, 3);
        blobs.put(TrainingPipeline.profileKey(SELLER, MODEL, "trn_1"),
                "{\"trainingId\":\"trn_1\",\"style\":{\"meanRgb\":[200,120,40],\"meanAspect\":1.0}}".getBytes(StandardCharsets.UTF_8),
                "application/json");
        Map<String, Route> routes = new HashMap<>();
        new GenerationRoutes(service, null, idempotency, null, null, null).register(routes);
        api = new HttpApiHandler(routes);
    }

    private void runQueue() {
        for (Object message : queue.drain()) {
            GenerationRequested requested = (GenerationRequested) message;
            worker.generate(requested.sellerId(), requested.generationId(), false);
        }
    }

    private APIGatewayV2HTTPResponse call(String routeKey, Map<String, String> path, String body) {
        var event = APIGatewayV2HTTPEvent.builder().withRouteKey(routeKey).withPathParameters(path).withBody(body)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                        .withClaims(Map.of("sub", CLIENT, "role", "client"))
                                        .build()).build()).build())
                .build();
        return api.handleRequest(event, null);
    }

    private String generate(String body) {
        APIGatewayV2HTTPResponse queued = call("POST /models/{modelId}/generations", Map.of("modelId", MODEL), body);
        assertEquals(202, queued.getStatusCode(), queued.getBody());
        return Json.parse(queued.getBody()).path("generationId").asText();
    }

    private JsonNode get(String generationId) {
        APIGatewayV2HTTPResponse response = call("GET /generations/{id}", Map.of("id", generationId), null);
        assertEquals(200, response.getStatusCode(), response.getBody());
        return Json.parse(response.getBody());
    }

    @Test
    @DisplayName("CM-GEN-8 GET /generations/{id} echoes the size {width,height} the client asked for, PENDING and READY; without one it has no size")
    void getEchoesTheRequestedSize() {
        String sized = generate("{\"prompt\":\"a wide castle\",\"units\":1,\"size\":{\"width\":640,\"height\":480}}");
        String plain = generate("{\"prompt\":\"a castle\",\"units\":1}");

        JsonNode pending = get(sized);
        assertEquals("PENDING", pending.path("status").asText());
        assertEquals(Json.parse("{\"width\":640,\"height\":480}"), pending.path("size"));

        runQueue();
        JsonNode ready = get(sized);
        assertEquals("READY", ready.path("status").asText());
        assertEquals(Json.parse("{\"width\":640,\"height\":480}"), ready.path("size"));
        assertFalse(get(plain).has("size"), get(plain).toString());
    }
}
