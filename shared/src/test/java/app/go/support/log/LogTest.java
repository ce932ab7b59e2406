package app.go.support.log;

import app.go.support.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Structured logs: keys on every line, stack traces on errors, business metrics as EMF")
class LogTest {
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    private JsonNode lastLine() {
        String[] lines = captured.toString(StandardCharsets.UTF_8).split("\n");
        return Json.read(lines[lines.length - 1], JsonNode.class);
    }

    @AfterEach
    void restore() {
        Log.clearContext();
        Log.redirect(System.out);
    }

    @Test
    @DisplayName("an error line carries the request id of the invocation and the stack trace")
    void errorsCarryRequestIdAndStackTrace() {
        Log.redirect(new PrintStream(captured, true, StandardCharsets.UTF_8));
        Log.put("requestId", "req-1");
        Log.get(LogTest.class).error("failed", new IllegalStateException("boom"), "sellerId", "s-1");
        JsonNode line = lastLine();
        assertEquals("req-1", line.path("requestId").asText());
        assertEquals("s-1", line.path("sellerId").asText());
        assertEquals("java.lang.IllegalStateException", line.path("errorType").asText());
        assertTrue(line.path("stackTrace").asText().contains("LogTest.errorsCarryRequestIdAndStackTrace"));
    }

    @Test
    @DisplayName("a business metric is one EMF line: namespace Go, dimension service, value 1, with the context keys")
    void countWritesEmf() {
        Log.redirect(new PrintStream(captured, true, StandardCharsets.UTF_8));
        Log.put("conversationId", "c-1");
        Log.count(BusinessMetric.REPLIES);
        JsonNode line = lastLine();
        JsonNode directive = line.path("_aws").path("CloudWatchMetrics").get(0);
        assertEquals("Go", directive.path("Namespace").asText());
        assertEquals("service", directive.path("Dimensions").get(0).get(0).asText());
        assertEquals("Replies", directive.path("Metrics").get(0).path("Name").asText());
        assertEquals(1, line.path("Replies").asInt());
        assertEquals("go", line.path("service").asText());
        assertEquals("c-1", line.path("conversationId").asText());
        assertTrue(line.path("_aws").path("Timestamp").isNumber());
    }
}
