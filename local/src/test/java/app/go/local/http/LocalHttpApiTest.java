package app.go.local.http;

import app.go.local.lambda.LambdaInvocationException;
import app.go.support.time.AdjustableClock;
import app.go.wiring.topology.RouteSpec;
import app.go.wiring.topology.SystemTopology;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static app.go.local.http.TestHttp.contentType;
import static app.go.local.http.TestHttp.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalHttpApiTest {
    private static final Instant START = Instant.parse("2026-03-08T00:00:00Z");
    private static final RouteSpec PUBLIC_UPLOAD =
            new RouteSpec("POST", "/uploads", SystemTopology.HTTP_API, false);

    private final AdjustableClock clock = new AdjustableClock(Clock.fixed(START, ZoneOffset.UTC));
    private final LocalTokens tokens = new LocalTokens("test-secret-for-the-http-api", clock);
    private final RecordingInvoker invoker = new RecordingInvoker(event -> response(200, "{\"ok\":true}"));
    private LocalHttpApi api;
    private TestHttp http;

    @BeforeEach
    void start() {
        List<RouteSpec> routes = new ArrayList<>(SystemTopology.ROUTES);
        routes.add(PUBLIC_UPLOAD);
        api = new LocalHttpApi(0, routes, invoker, tokens, clock).start();
        http = new TestHttp(api.uri());
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    @DisplayName("a request becomes an HTTP API v2 event with route key, path and query parameters, lower-cased headers, cookies, body and the token's claims")
    void buildsTheEvent() {
        invoker.answerWith(event -> {
            APIGatewayV2HTTPResponse response = response(201, "{\"id\":\"m-1\"}");
            response.setHeaders(Map.of("X-Answer", "42"));
            return response;
        });
        String token = tokens.mint("c-7", "client");

        HttpResponse<String> response = http.post("conversations/c-42/messages?lang=de&tag=a&tag=b&q=a%20b",
                "{\"text\":\"Hallo\"}",
                "Authorization", "Bearer " + token, "Content-Type", "application/json",
                "X-Client-Platform", "mobile", "Cookie", "a=1; b=2", "User-Agent", "go-test/1.0");

        assertEquals(201, response.statusCode());
        assertEquals("{\"id\":\"m-1\"}", response.body());
        assertEquals("42", response.headers().firstValue("x-answer").orElseThrow());
        assertEquals(1, invoker.events.size());
        APIGatewayV2HTTPEvent event = invoker.events.get(0);
        assertEquals("2.0", event.getVersion());
        assertEquals("POST /conversations/{id}/messages", event.getRouteKey());
        assertEquals("/conversations/c-42/messages", event.getRawPath());
        assertEquals("lang=de&tag=a&tag=b&q=a%20b", event.getRawQueryString());
        assertEquals(Map.of("lang", "de", "tag", "a,b", "q", "a b"), event.getQueryStringParameters());
        assertEquals(Map.of("id", "c-42"), event.getPathParameters());
        assertEquals("mobile", event.getHeaders().get("x-client-platform"));
        assertEquals("application/json", event.getHeaders().get("content-type"));
        assertTrue(event.getHeaders().keySet().stream().allMatch(name -> name.equals(name.toLowerCase())),
                event.getHeaders().keySet().toString());
        assertFalse(event.getHeaders().containsKey("cookie"));
        assertEquals(List.of("a=1", "b=2"), event.getCookies());
        assertEquals("{\"text\":\"Hallo\"}", event.getBody());
        assertFalse(event.getIsBase64Encoded());

        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        assertEquals("000000000000", context.getAccountId());
        assertEquals("local", context.getApiId());
        assertEquals("$default", context.getStage());
        assertEquals("POST /conversations/{id}/messages", context.getRouteKey());
        assertEquals(context.getRequestId(), response.headers().firstValue("apigw-requestid").orElseThrow());
        UUID.fromString(context.getRequestId());
        assertEquals(START.toEpochMilli(), context.getTimeEpoch());
        assertEquals("08/Mar/2026:00:00:00 +0000", context.getTime());
        assertEquals("POST", context.getHttp().getMethod());
        assertEquals("/conversations/c-42/messages", context.getHttp().getPath());
        assertEquals("HTTP/1.1", context.getHttp().getProtocol());
        assertEquals("127.0.0.1", context.getHttp().getSourceIp());
        assertEquals("go-test/1.0", context.getHttp().getUserAgent());
        Map<String, String> claims = context.getAuthorizer().getJwt().getClaims();
        assertEquals("c-7", claims.get("sub"));
        assertEquals("client", claims.get("role"));
    }

    @Test
    @DisplayName("without query, cookies or path parameters those event fields are left out, as API Gateway does")
    void leavesAbsentPartsOut() {
        http.get("sellers/me/inbox", "Authorization", "Bearer " + tokens.mint("s-1", "seller"));

        APIGatewayV2HTTPEvent event = invoker.events.get(0);
        assertEquals("", event.getRawQueryString());
        assertNull(event.getQueryStringParameters());
        assertNull(event.getPathParameters());
        assertNull(event.getCookies());
        assertNull(event.getBody());
        assertNull(event.getRequestContext().getAuthorizer().getJwt().getScopes());
    }

    @Test
    @DisplayName("an authenticated route without a token answers 401 problem+json and never calls the function")
    void missingTokenIs401() {
        HttpResponse<String> response = http.get("sellers/me/inbox");

        assertEquals(401, response.statusCode());
        assertEquals(Problem.CONTENT_TYPE, contentType(response));
        JsonNode problem = json(response);
        assertEquals("about:blank", problem.path("type").asText());
        assertEquals("Unauthorized", problem.path("title").asText());
        assertEquals(401, problem.path("status").asInt());
        assertEquals("UNAUTHORIZED", problem.path("code").asText());
        assertEquals("missing Authorization header", problem.path("detail").asText());
        assertTrue(invoker.events.isEmpty());
    }

    @Test
    @DisplayName("a token expired by the test clock or a forged one answers 401 with the reason and never calls the function")
    void invalidTokenIs401() {
        String token = tokens.mint("s-1", "seller");
        clock.advance(Duration.ofHours(13));

        HttpResponse<String> expired = http.get("sellers/me/inbox", "Authorization", "Bearer " + token);
        HttpResponse<String> forged = http.get("sellers/me/inbox", "Authorization",
                "Bearer " + new LocalTokens("someone-else", clock).mint("s-1", "seller"));

        assertEquals(401, expired.statusCode());
        assertTrue(json(expired).path("detail").asText().startsWith("token expired"), expired.body());
        assertEquals(401, forged.statusCode());
        assertEquals("bad signature", json(forged).path("detail").asText());
        assertTrue(invoker.events.isEmpty());
    }

    @Test
    @DisplayName("a path no route knows answers 404 ROUTE_NOT_FOUND")
    void unknownRouteIs404() {
        HttpResponse<String> response = http.get("nowhere/at/all");

        assertEquals(404, response.statusCode());
        assertEquals(Problem.CONTENT_TYPE, contentType(response));
        assertEquals("ROUTE_NOT_FOUND", json(response).path("code").asText());
        assertTrue(invoker.events.isEmpty());
    }

    @Test
    @DisplayName("a known path with another method answers 405 with an Allow header")
    void wrongMethodIs405() {
        HttpResponse<String> response = http.send(http.request("conversations").DELETE().build());

        assertEquals(405, response.statusCode());
        assertEquals("METHOD_NOT_ALLOWED", json(response).path("code").asText());
        assertEquals("POST", response.headers().firstValue("allow").orElseThrow());
        assertTrue(invoker.events.isEmpty());
    }

    @Test
    @DisplayName("a failing function answers 500 INTERNAL_ERROR without its message, type or stack trace")
    void functionFailureIs500WithoutLeak() {
        invoker.answerWith(event -> {
            throw new LambdaInvocationException("java.lang.IllegalStateException", "db password is hunter2",
                    new IllegalStateException("db password is hunter2"));
        });

        HttpResponse<String> response = http.get("sellers/me/inbox",
                "Authorization", "Bearer " + tokens.mint("s-1", "seller"));

        assertEquals(500, response.statusCode());
        assertEquals(Problem.CONTENT_TYPE, contentType(response));
        assertEquals("INTERNAL_ERROR", json(response).path("code").asText());
        assertFalse(response.body().contains("hunter2"), response.body());
        assertFalse(response.body().contains("IllegalStateException"), response.body());
        assertFalse(response.body().contains("at app."), response.body());
    }

    @Test
    @DisplayName("an Error escaping the function (a missing class, say) still answers 500 instead of dropping the connection")
    void errorIs500() {
        invoker.answerWith(event -> {
            throw new NoClassDefFoundError("app/go/Missing");
        });

        HttpResponse<String> response = http.get("sellers/me/inbox",
                "Authorization", "Bearer " + tokens.mint("s-1", "seller"));

        assertEquals(500, response.statusCode());
        assertEquals("INTERNAL_ERROR", json(response).path("code").asText());
        assertFalse(response.body().contains("Missing"), response.body());
    }

    @Test
    @DisplayName("a function response that is no HTTP response (status 0) answers 500")
    void nonResponseIs500() {
        invoker.answerWith(event -> new APIGatewayV2HTTPResponse());

        HttpResponse<String> response = http.get("sellers/me/inbox",
                "Authorization", "Bearer " + tokens.mint("s-1", "seller"));

        assertEquals(500, response.statusCode());
        assertEquals("INTERNAL_ERROR", json(response).path("code").asText());
    }

    @Test
    @DisplayName("a binary body reaches the function base64-encoded and a base64 response is decoded for the client")
    void binaryBodiesAreBase64() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xff};
        invoker.answerWith(event -> {
            APIGatewayV2HTTPResponse response = response(200, event.getBody());
            response.setIsBase64Encoded(true);
            response.setHeaders(Map.of("Content-Type", "image/png"));
            return response;
        });

        HttpResponse<byte[]> response = http.send(http.request("uploads", "Content-Type", "image/png")
                .POST(HttpRequest.BodyPublishers.ofByteArray(png)).build(), HttpResponse.BodyHandlers.ofByteArray());

        APIGatewayV2HTTPEvent event = invoker.events.get(0);
        assertTrue(event.getIsBase64Encoded());
        assertArrayEquals(png, Base64.getDecoder().decode(event.getBody()));
        assertNull(event.getRequestContext().getAuthorizer());
        assertEquals(200, response.statusCode());
        assertEquals("image/png", contentType(response));
        assertArrayEquals(png, response.body());
    }

    @Test
    @DisplayName("the function's cookies become Set-Cookie headers and multi-value headers are all sent")
    void cookiesAndMultiValueHeaders() {
        invoker.answerWith(event -> {
            APIGatewayV2HTTPResponse response = response(200, "{}");
            response.setCookies(List.of("a=1; Path=/", "b=2"));
            response.setMultiValueHeaders(Map.of("X-Multi", List.of("one", "two")));
            return response;
        });

        HttpResponse<String> response = http.post("uploads", "x", "Content-Type", "text/plain");

        assertEquals(List.of("a=1; Path=/", "b=2"), response.headers().allValues("set-cookie"));
        assertEquals(List.of("one", "two"), response.headers().allValues("x-multi"));
        assertEquals("application/json", contentType(response));
        assertEquals("x", invoker.events.get(0).getBody());
    }

    @Test
    @DisplayName("a body over 6 MB answers 413 PAYLOAD_TOO_LARGE without calling the function")
    void oversizedBodyIs413() {
        byte[] big = new byte[LocalHttpApi.MAX_BODY_BYTES + 1];

        HttpResponse<String> response = http.send(http.request("uploads", "Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)).build());

        assertEquals(413, response.statusCode());
        assertEquals("PAYLOAD_TOO_LARGE", json(response).path("code").asText());
        assertTrue(invoker.events.isEmpty());
    }

    private static APIGatewayV2HTTPResponse response(int status, String body) {
        APIGatewayV2HTTPResponse response = new APIGatewayV2HTTPResponse();
        response.setStatusCode(status);
        response.setBody(body);
        return response;
    }
}
