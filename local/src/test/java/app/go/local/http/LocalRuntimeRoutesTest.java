package app.go.local.http;

import app.go.support.time.AdjustableClock;
import app.go.wiring.topology.SystemTopology;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static app.go.local.http.TestHttp.contentType;
import static app.go.local.http.TestHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalRuntimeRoutesTest {
    private static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

    private final AdjustableClock clock = new AdjustableClock(Clock.fixed(START, ZoneOffset.UTC));
    private final LocalTokens tokens = new LocalTokens("test-secret-for-local-routes", clock);
    private final RecordingInvoker invoker = new RecordingInvoker(event -> {
        APIGatewayV2HTTPResponse response = new APIGatewayV2HTTPResponse();
        response.setStatusCode(200);
        return response;
    });
    private LocalHttpApi api;
    private TestHttp http;

    @BeforeEach
    void start() {
        api = new LocalHttpApi(0, SystemTopology.ROUTES, invoker, tokens, clock).start();
        http = new TestHttp(api.uri());
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    @DisplayName("GET /health answers 503 STARTING until markReady, then 200 UP")
    void healthFollowsReadiness() {
        HttpResponse<String> starting = http.get("health");
        api.markReady();
        HttpResponse<String> up = http.get("health");

        assertEquals(503, starting.statusCode());
        assertEquals("STARTING", json(starting).path("status").asText());
        assertEquals(200, up.statusCode());
        assertEquals("UP", json(up).path("status").asText());
        assertEquals("application/json", contentType(up));
    }

    @Test
    @DisplayName("POST /local/tokens mints a token that opens authenticated routes with its sub and role")
    void mintedTokenOpensRoutes() {
        HttpResponse<String> minted = http.post("local/tokens", "{\"sub\":\"s-1\",\"role\":\"seller\"}");
        String token = json(minted).path("token").asText();

        HttpResponse<String> inbox = http.get("sellers/me/inbox", "Authorization", "Bearer " + token);

        assertEquals(200, minted.statusCode());
        assertEquals(START.plusSeconds(12 * 3600).toString(), json(minted).path("expiresAt").asText());
        assertEquals(200, inbox.statusCode());
        Map<String, String> claims = invoker.events.get(0).getRequestContext().getAuthorizer().getJwt().getClaims();
        assertEquals("s-1", claims.get("sub"));
        assertEquals("seller", claims.get("role"));
    }

    @ParameterizedTest(name = "{0} -> detail mentions {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"role\":\"seller\"}|sub",
            "{\"sub\":\"  \",\"role\":\"seller\"}|sub",
            "{\"sub\":\"s-1\",\"role\":\"admin\"}|role",
            "{\"sub\":\"s-1\"}|role",
            "{\"sub\":\"s-1\",\"role\":\"client\",\"ttl\":\"-PT1H\"}|ttl",
            "{\"sub\":\"s-1\",\"role\":\"client\",\"claims\":{\"role\":\"platform\"}}|claims.role",
            "not json|JSON",
            "[1,2]|JSON object"})
    @DisplayName("POST /local/tokens refuses a blank sub, an unknown role, a bad ttl or claim, and non-JSON with 400 naming the field")
    void tokenValidation(String body, String field) {
        HttpResponse<String> response = http.post("local/tokens", body);

        assertEquals(400, response.statusCode());
        assertEquals(Problem.CONTENT_TYPE, contentType(response));
        JsonNode problem = json(response);
        assertEquals("VALIDATION_FAILED", problem.path("code").asText());
        assertTrue(problem.path("detail").asText().contains(field), problem.path("detail").asText());
    }

    @Test
    @DisplayName("GET /local/clock reads the test clock, POST sets it with at and moves it with advance")
    void clockSetAndAdvance() {
        assertEquals(START.toString(), json(http.get("local/clock")).path("now").asText());

        HttpResponse<String> set = http.post("local/clock", "{\"at\":\"2026-03-08T00:00:00Z\"}");
        assertEquals(200, set.statusCode());
        assertEquals("2026-03-08T00:00:00Z", json(set).path("now").asText());
        assertEquals(Instant.parse("2026-03-08T00:00:00Z"), clock.instant());

        HttpResponse<String> advanced = http.post("local/clock", "{\"advance\":\"PT25H\"}");
        assertEquals(200, advanced.statusCode());
        assertEquals("2026-03-09T01:00:00Z", json(advanced).path("now").asText());
        assertEquals("2026-03-09T01:00:00Z", json(http.get("local/clock")).path("now").asText());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"advance\":\"-PT1H\"}",
            "{\"advance\":\"tomorrow\"}",
            "{\"at\":\"yesterday\"}",
            "{\"at\":1772928000}",
            "{\"at\":\"2026-03-08T00:00:00Z\",\"advance\":\"PT1H\"}",
            "{}",
            "nope"})
    @DisplayName("POST /local/clock refuses negative or malformed values, both or neither field, with 400 and leaves the clock alone")
    void clockValidation(String body) {
        HttpResponse<String> response = http.post("local/clock", body);

        assertEquals(400, response.statusCode());
        assertEquals("VALIDATION_FAILED", json(response).path("code").asText());
        assertEquals(START, clock.instant());
    }

    @Test
    @DisplayName("GET /openapi.yaml serves the OpenAPI document from the classpath as application/yaml")
    void servesOpenApi() {
        HttpResponse<String> response = http.get("openapi.yaml");

        assertEquals(200, response.statusCode());
        assertEquals("application/yaml", contentType(response));
        assertTrue(response.body().startsWith("openapi: 3.0.3"), response.body().lines().findFirst().orElse(""));
    }

    @Test
    @DisplayName("a route added with addLocalRoute gets the raw body without a token, and a ProblemException becomes its problem")
    void extraLocalRoutes() {
        api.addLocalRoute("POST", "/local/echo", body -> LocalResponse.ok(Map.of("received", body)));
        api.addLocalRoute("POST", "/local/refuse", body -> {
            throw new ProblemException(Problem.of(409, "ALREADY_RUNNING", "a run is in progress"));
        });

        HttpResponse<String> echoed = http.post("local/echo", "raw text");
        HttpResponse<String> refused = http.post("local/refuse", "");

        assertEquals(200, echoed.statusCode());
        assertEquals("raw text", json(echoed).path("received").asText());
        assertEquals(409, refused.statusCode());
        assertEquals("ALREADY_RUNNING", json(refused).path("code").asText());
        assertEquals("Conflict", json(refused).path("title").asText());
    }

    @Test
    @DisplayName("a local route that throws answers 500 INTERNAL_ERROR without the exception's message")
    void failingLocalRouteIs500() {
        api.addLocalRoute("GET", "/local/broken", body -> {
            throw new IllegalStateException("internal detail");
        });

        HttpResponse<String> response = http.get("local/broken");

        assertEquals(500, response.statusCode());
        assertEquals("INTERNAL_ERROR", json(response).path("code").asText());
        assertFalse(response.body().contains("internal detail"), response.body());
    }
}
