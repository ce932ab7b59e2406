package app.go.api;

import app.go.support.json.Json;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static app.go.api.HttpApiHandlerTest.event;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Bounds on what a request may make us store, enforced before the route writes anything. */
class InputBoundsTest {
    private final AtomicInteger writes = new AtomicInteger();

    private final HttpApiHandler handler = new HttpApiHandler(Map.of(
            "POST /texts", request -> {
                request.caller();
                request.body().text("text", 5_000);
                request.body().texts("tags", 3, 20);
                writes.incrementAndGet();
                return ApiResponses.json(201, Map.of());
            },
            "GET /things/{id}", request -> {
                request.pathId("id");
                writes.incrementAndGet();
                return ApiResponses.json(200, Map.of());
            }));

    private APIGatewayV2HTTPResponse post(String sub, String body) {
        return handler.handleRequest(event("POST /texts", Map.of("sub", sub, "role", "client"), body), null);
    }

    private static String code(APIGatewayV2HTTPResponse response) {
        return Json.parse(response.getBody()).get("code").asText();
    }

    @Test
    @DisplayName("DATA-2 a 1,100-character token sub is a 400 INVALID_SUBJECT, not a 500 from the DynamoDB key size; so is a sub with '#' (our key separator)")
    void subjectIsBounded() {
        APIGatewayV2HTTPResponse response = post("u".repeat(1_100), "{\"text\":\"hi\"}");
        assertEquals(400, response.getStatusCode());
        assertEquals("INVALID_SUBJECT", code(response));
        assertEquals("INVALID_SUBJECT", code(post("u#SELLER#s-1", "{\"text\":\"hi\"}")));
        assertEquals(201, post("u".repeat(ApiRequest.MAX_SUBJECT_LENGTH), "{\"text\":\"hi\"}").getStatusCode());
        assertEquals(1, writes.get());
    }

    @Test
    @DisplayName("Stored text refuses control characters (400 CONTROL_CHARACTERS) but keeps line breaks and tabs; over-long text and lists are 400 VALIDATION_FAILED")
    void textIsBounded() {
        APIGatewayV2HTTPResponse control = post("u-1", Json.write(Map.of("text", "a\u0001b")));
        assertEquals(400, control.getStatusCode());
        assertEquals("CONTROL_CHARACTERS", code(control));
        assertEquals("CONTROL_CHARACTERS", code(post("u-1", Json.write(Map.of("text", "ok", "tags", new String[]{"\u007f"})))));
        assertEquals(201, post("u-1", Json.write(Map.of("text", "line 1\n\tline 2"))).getStatusCode());
        assertEquals("VALIDATION_FAILED", code(post("u-1", Json.write(Map.of("text", "x".repeat(5_001))))));
        assertEquals("VALIDATION_FAILED", code(post("u-1", Json.write(Map.of("text", "ok", "tags", new String[]{"a", "b", "c", "d"})))));
        assertEquals(1, writes.get());
    }

    @Test
    @DisplayName("Ids in paths are 1-100 safe characters: a 101-character id is a 400 before the route acts")
    void pathIdsAreBounded() {
        APIGatewayV2HTTPEvent tooLong = event("GET /things/{id}", Map.of("sub", "u-1", "role", "client"), null);
        tooLong.setPathParameters(Map.of("id", "x".repeat(101)));
        assertEquals(400, handler.handleRequest(tooLong, null).getStatusCode());
        assertEquals(0, writes.get());
    }
}
