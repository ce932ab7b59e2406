package app.go.local;

import app.go.local.lambda.LambdaInvoker;
import app.go.support.json.Json;
import app.go.support.time.AdjustableClock;
import app.go.wiring.topology.FunctionSpec;
import app.go.wiring.topology.SystemTopology;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The local runtime is as strict as AWS: real-time tokens, a validated clock, a schedule that follows it")
class LocalStrictnessTest {
    private static GoLocal local;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        local = GoLocal.start(new GoLocal.Options(0, null));
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    private static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(local.uri() + path.substring(1)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) request.header("Authorization", "Bearer " + token);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("a token stays valid when the test clock jumps 25 hours: exp is judged by real time, as API Gateway does")
    void tokensFollowRealTime() throws Exception {
        String body = send("POST", "/local/tokens", null, "{\"sub\":\"strict-1\",\"role\":\"seller\"}").body();
        String token = Json.read(body, JsonNode.class).get("token").asText();
        assertEquals(200, send("POST", "/local/clock", null, "{\"advance\":\"PT25H\"}").statusCode());
        assertEquals(200, send("GET", "/sellers/me/notifications", token, null).statusCode());
    }

    @Test
    @DisplayName("a token past its real-time exp is a 401 even when the test clock is set back; a non-numeric nbf is a 401")
    void expiredByRealTime() throws Exception {
        String shortLived = local.tokens().mint("strict-exp", "seller", java.util.Map.of(), java.time.Duration.ofSeconds(1));
        String badNbf = local.tokens().mint("strict-nbf", "seller", java.util.Map.of("nbf", "soon"));
        Thread.sleep(2_100);
        assertEquals(200, send("POST", "/local/clock", null, "{\"at\":\"2026-01-01T00:00:00Z\"}").statusCode());
        assertEquals(401, send("GET", "/sellers/me/notifications", shortLived, null).statusCode());
        assertEquals(401, send("GET", "/sellers/me/notifications", badNbf, null).statusCode());
    }

    private static String raw(String request) throws Exception {
        try (java.net.Socket socket = new java.net.Socket(local.uri().getHost(), local.uri().getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    @DisplayName("a path with bad percent-encoding (%ZZ) is a 400 MALFORMED_REQUEST problem+json, not an HTML error page")
    void badPercentEncodingIsAProblem() throws Exception {
        String response = raw("GET /sellers/%ZZ/assistant HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertTrue(response.startsWith("HTTP/1.1 400"), response);
        assertTrue(response.toLowerCase(java.util.Locale.ROOT).contains("content-type: application/problem+json"), response);
        assertTrue(response.contains("\"code\":\"MALFORMED_REQUEST\""), response);
    }

    @Test
    @DisplayName("a garbage request line is a 400 MALFORMED_REQUEST problem+json, and the runtime keeps serving")
    void garbageRequestLineIsAProblem() throws Exception {
        String response = raw("\u0001\u0002 garbage \u0003\r\n\r\n");
        assertTrue(response.startsWith("HTTP/1.1 400"), response);
        assertTrue(response.toLowerCase(java.util.Locale.ROOT).contains("content-type: application/problem+json"), response);
        assertTrue(response.contains("\"code\":\"MALFORMED_REQUEST\""), response);
        assertEquals(200, send("GET", "/health", null, null).statusCode());
    }

    @Test
    @DisplayName("a clock move past year 2999 (or an overflowing duration) is a 400 problem, and the runtime keeps serving")
    void hugeClockMovesAreRefused() throws Exception {
        for (String move : List.of("{\"advance\":\"PT2562047788015215H\"}", "{\"advance\":\"PT9000000H\"}", "{\"at\":\"+10000-01-01T00:00:00Z\"}",
                "{\"at\":\"1900-01-01T00:00:00Z\"}")) {
            HttpResponse<String> refused = send("POST", "/local/clock", null, move);
            assertEquals(400, refused.statusCode(), move + " " + refused.body());
            assertTrue(refused.headers().firstValue("content-type").orElse("").contains("problem+json"));
        }
        assertEquals(200, send("GET", "/local/clock", null, null).statusCode());
        assertEquals(200, send("GET", "/health", null, null).statusCode());
    }

    @Test
    @DisplayName("the billing schedule fires again after the clock was set back (api.md's example date is in the past)")
    void scheduleRearmsWhenTheClockGoesBack() throws Exception {
        AdjustableClock clock = AdjustableClock.systemUtc();
        List<Instant> fired = new CopyOnWriteArrayList<>();
        LambdaInvoker invoker = new LambdaInvoker() {
            @Override
            public <T> T invoke(FunctionSpec function, Object event, Class<T> resultType) {
                fired.add(clock.instant());
                return null;
            }
        };
        try (BillingScheduleTimer timer = new BillingScheduleTimer(SystemTopology.BILLING_SCHEDULE, invoker, clock).start()) {
            clock.set(Instant.parse("2025-01-01T00:00:00Z"));
            Thread.sleep(1_500);
            clock.advance(SystemTopology.BILLING_SCHEDULE.localInterval().plusMinutes(1));
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (fired.isEmpty() && System.nanoTime() < deadline) Thread.sleep(100);
            assertEquals(1, fired.size(), "fired one interval after the clock went back");
        }
    }
}
