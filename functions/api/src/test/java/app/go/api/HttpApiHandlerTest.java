package app.go.api;

import app.go.adapter.offline.OfflineLanguageModel;
import app.go.adapter.file.FileBlobStore;
import app.go.support.config.Env;
import app.go.support.errors.DomainException;
import app.go.support.json.Json;
import app.go.wiring.topology.RouteSpec;
import app.go.wiring.topology.SystemTopology;
import app.go.wiring.Adapters;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpApiHandlerTest {

    static APIGatewayV2HTTPEvent event(String routeKey, Map<String, String> claims, String body) {
        return APIGatewayV2HTTPEvent.builder().withRouteKey(routeKey).withBody(body)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("r-1")
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(claims).build())
                                .build())
                        .build())
                .build();
    }

    private static JsonNode body(APIGatewayV2HTTPResponse response) {
        return Json.parse(response.getBody());
    }

    @Test
    @DisplayName("Every route of the topology (what CDK deploys) is served by the API function, and no other")
    void servesExactlyTheTopologyRoutes() {
        Map<String, String> env = new HashMap<>();
        SystemTopology.TABLES.forEach(t -> env.put(t.envVar(), t.localName()));
        SystemTopology.QUEUES.forEach(q -> env.put(q.envVar(), "http://localhost/" + q.localName()));
        SystemTopology.STATE_MACHINES.forEach(s -> env.put(s.envVar(), "arn:aws:states:us-east-1:000000000000:stateMachine:x"));
        env.put("AWS_REGION", "us-east-1");
        env.put("ASSETS_BUCKET", "assets");
        Adapters adapters = new Adapters(new Env(env), Clock.systemUTC(), a -> new OfflineLanguageModel(),
                a -> new FileBlobStore(Path.of("target", "blobs")));
        Set<String> topology = SystemTopology.ROUTES.stream().map(RouteSpec::routeKey).collect(Collectors.toSet());
        assertEquals(topology, new HttpApiHandler(adapters).routeKeys());
    }

    @Test
    @DisplayName("A rule violation becomes application/problem+json with status, title, detail and the stable code")
    void domainExceptionBecomesProblem() {
        HttpApiHandler handler = new HttpApiHandler(Map.of("POST /x", request -> {
            throw new DomainException(DomainException.Kind.LIMIT, "DAILY_LIMIT_REACHED", "50 messages today");
        }));
        APIGatewayV2HTTPResponse response = handler.handleRequest(event("POST /x", Map.of("sub", "s-1", "role", "seller"), "{}"), null);
        assertEquals(429, response.getStatusCode());
        assertEquals("application/problem+json", response.getHeaders().get("content-type"));
        JsonNode problem = body(response);
        assertEquals("DAILY_LIMIT_REACHED", problem.get("code").asText());
        assertEquals(429, problem.get("status").asInt());
        assertEquals("50 messages today", problem.get("detail").asText());
    }

    @Test
    @DisplayName("An unexpected failure is a generic 500 problem: no exception text or stack trace reaches the caller")
    void unexpectedFailureLeaksNothing() {
        HttpApiHandler handler = new HttpApiHandler(Map.of("GET /x", request -> {
            throw new IllegalStateException("table go-secret-internal not reachable at 10.0.0.1");
        }));
        APIGatewayV2HTTPResponse response = handler.handleRequest(event("GET /x", Map.of("sub", "s-1", "role", "seller"), null), null);
        assertEquals(500, response.getStatusCode());
        assertEquals("INTERNAL_ERROR", body(response).get("code").asText());
        assertFalse(response.getBody().contains("go-secret-internal"));
    }

    @Test
    @DisplayName("No claims means 401 UNAUTHORIZED; a seller on a platform route gets 403 FORBIDDEN")
    void authRules() {
        HttpApiHandler handler = new HttpApiHandler(Map.of("PUT /platform/sellers/{sellerId}",
                request -> ApiResponses.json(200, Map.of("caller", request.caller().requireRole(app.go.support.auth.Caller.Role.PLATFORM).userId()))));
        assertEquals(401, handler.handleRequest(event("PUT /platform/sellers/{sellerId}", Map.of(), "{}"), null).getStatusCode());
        APIGatewayV2HTTPResponse forbidden = handler.handleRequest(event("PUT /platform/sellers/{sellerId}", Map.of("sub", "s-1", "role", "seller"), "{}"), null);
        assertEquals(403, forbidden.getStatusCode());
        assertEquals("FORBIDDEN", body(forbidden).get("code").asText());
        assertEquals(200, handler.handleRequest(event("PUT /platform/sellers/{sellerId}", Map.of("sub", "mp", "custom:role", "platform"), "{}"), null).getStatusCode());
    }

    @Test
    @DisplayName("Bad input is a 400 VALIDATION_FAILED whose detail names the field; malformed JSON too, never a 5xx")
    void validation() {
        HttpApiHandler handler = new HttpApiHandler(Map.of("POST /x", request -> {
            Body body = request.body();
            body.text("text", 10);
            body.integer("level", 0, 3);
            return ApiResponses.json(200, Map.of());
        }));
        Map<String, String> claims = Map.of("sub", "c-1", "role", "client");
        JsonNode tooLong = body(handler.handleRequest(event("POST /x", claims, "{\"text\":\"this is far too long\",\"level\":1}"), null));
        assertEquals("VALIDATION_FAILED", tooLong.get("code").asText());
        assertTrue(tooLong.get("detail").asText().contains("text"));
        JsonNode badLevel = body(handler.handleRequest(event("POST /x", claims, "{\"text\":\"ok\",\"level\":7}"), null));
        assertTrue(badLevel.get("detail").asText().contains("level"));
        assertEquals(400, handler.handleRequest(event("POST /x", claims, "{oops"), null).getStatusCode());
        assertEquals(400, handler.handleRequest(event("POST /x", claims, "[1,2]"), null).getStatusCode());
        assertEquals(404, handler.handleRequest(event("GET /nowhere", claims, null), null).getStatusCode());
    }

    @Test
    @DisplayName("PA-LIM-1 a model outage on a try is a 503 MODEL_UNAVAILABLE (429 MODEL_THROTTLED when throttled), not a generic 500")
    void modelFailuresAreNamed() {
        HttpApiHandler down = new HttpApiHandler(Map.of("POST /x", request -> {
            throw new app.go.domain.port.LanguageModelException(app.go.domain.port.LanguageModelException.Reason.UNAVAILABLE, "boom", null);
        }));
        APIGatewayV2HTTPResponse unavailable = down.handleRequest(event("POST /x", Map.of("sub", "s-1", "role", "seller"), "{}"), null);
        assertEquals(503, unavailable.getStatusCode());
        assertEquals("MODEL_UNAVAILABLE", body(unavailable).get("code").asText());
        HttpApiHandler busy = new HttpApiHandler(Map.of("POST /x", request -> {
            throw new app.go.domain.port.LanguageModelException(app.go.domain.port.LanguageModelException.Reason.THROTTLED, "slow down", null);
        }));
        assertEquals(429, busy.handleRequest(event("POST /x", Map.of("sub", "s-1", "role", "seller"), "{}"), null).getStatusCode());
    }

    @Test
    @DisplayName("An unexpected failure is logged with the API Gateway request id the client got, the seller id and the stack trace")
    void failureLogCarriesRequestIdAndStackTrace() {
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        app.go.support.log.Log.redirect(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            HttpApiHandler handler = new HttpApiHandler(Map.of("GET /x", request -> {
                request.sellerId();
                throw new IllegalStateException("boom");
            }));
            handler.handleRequest(event("GET /x", Map.of("sub", "s-1", "role", "seller"), null), null);
        } finally {
            app.go.support.log.Log.redirect(System.out);
        }
        JsonNode error = java.util.Arrays.stream(captured.toString(java.nio.charset.StandardCharsets.UTF_8).split("\n"))
                .map(Json::parse).filter(line -> "ERROR".equals(line.path("level").asText())).findFirst().orElseThrow();
        assertEquals("r-1", error.path("apiRequestId").asText());
        assertEquals("s-1", error.path("sellerId").asText());
        assertTrue(error.path("stackTrace").asText().contains("IllegalStateException: boom"));
    }
}
