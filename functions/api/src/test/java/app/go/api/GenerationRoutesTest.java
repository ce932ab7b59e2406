package app.go.api;

import app.go.domain.creation.GenerationFixture;
import app.go.support.json.Json;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The client's generation routes over the domain's in-memory fixture. */
class GenerationRoutesTest {
    private final GenerationFixture fixture = new GenerationFixture();
    private final HttpApiHandler api;

    GenerationRoutesTest() {
        Map<String, Route> routes = new HashMap<>();
        new GenerationRoutes(fixture.service, null, fixture.idempotency, null, null, null).register(routes);
        api = new HttpApiHandler(routes);
    }

    private APIGatewayV2HTTPResponse call(String routeKey, Map<String, String> path, String body) {
        var event = APIGatewayV2HTTPEvent.builder().withRouteKey(routeKey).withPathParameters(path).withBody(body)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                        .withClaims(Map.of("sub", GenerationFixture.CLIENT.userId(), "role", "client"))
                                        .build()).build()).build())
                .build();
        return api.handleRequest(event, null);
    }

    private String generate(String body) {
        APIGatewayV2HTTPResponse queued = call("POST /models/{modelId}/generations", Map.of("modelId", fixture.model.id()), body);
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

        fixture.runQueue();
        JsonNode ready = get(sized);
        assertEquals("READY", ready.path("status").asText());
        assertEquals(Json.parse("{\"width\":640,\"height\":480}"), ready.path("size"));
        assertFalse(get(plain).has("size"), get(plain).toString());
    }
}
