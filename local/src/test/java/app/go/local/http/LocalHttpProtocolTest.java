package app.go.local.http;

import app.go.support.json.Json;
import app.go.support.time.AdjustableClock;
import app.go.wiring.topology.RouteSpec;
import app.go.wiring.topology.SystemTopology;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static app.go.local.http.TestHttp.contentType;
import static app.go.local.http.TestHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the HTTP front answers for requests that never reach a route: malformed on the wire, too
 * large, or stalled. Each is a problem+json with a stable code (issue 9 item 6: as strict as AWS).
 */
@DisplayName("The local HTTP API answers protocol errors with problem+json and holds its read timeout")
class LocalHttpProtocolTest {
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
    private static final RouteSpec PUBLIC_UPLOAD = new RouteSpec("POST", "/uploads", SystemTopology.HTTP_API, false);
    private static final RouteSpec PUBLIC_FILE = new RouteSpec("GET", "/files/{name}", SystemTopology.HTTP_API, false);

    private final AdjustableClock clock = new AdjustableClock(Clock.fixed(Instant.parse("2026-03-08T00:00:00Z"), ZoneOffset.UTC));
    private final LocalTokens tokens = new LocalTokens("test-secret-for-the-http-api", clock);
    private final RecordingInvoker invoker = new RecordingInvoker(event -> ok());
    private LocalHttpApi api;
    private TestHttp http;

    @BeforeEach
    void start() {
        List<RouteSpec> routes = new ArrayList<>(SystemTopology.ROUTES);
        routes.add(PUBLIC_UPLOAD);
        routes.add(PUBLIC_FILE);
        api = new LocalHttpApi(0, routes, invoker, tokens, clock, READ_TIMEOUT).start();
        api.markReady();
        http = new TestHttp(api.uri());
    }

    @AfterEach
    void stop() {
        api.close();
    }

    /** One status line, the headers (names lower-cased) and the body of a raw exchange. */
    private record Raw(String statusLine, Map<String, String> headers, String body) {
        int status() {
            return Integer.parseInt(statusLine.split(" ")[1]);
        }

        JsonNode json() {
            return Json.parse(body);
        }
    }

    private Socket socket() throws IOException {
        Socket socket = new Socket(api.uri().getHost(), api.uri().getPort());
        socket.setSoTimeout(10_000);
        return socket;
    }

    private Raw exchange(String request) throws IOException {
        try (Socket socket = socket()) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return parse(socket.getInputStream().readAllBytes());
        }
    }

    private static Raw parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        assertTrue(end > 0, "a complete HTTP response: " + text);
        String[] lines = text.substring(0, end).split("\r\n");
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        return new Raw(lines[0], headers, text.substring(end + 4));
    }

    private static void assertProblem(Raw response, int status, String code) {
        assertEquals(status, response.status(), response.toString());
        assertTrue(response.headers().getOrDefault("content-type", "").startsWith(Problem.CONTENT_TYPE), response.toString());
        assertEquals(code, response.json().path("code").asText(), response.body());
        assertEquals(status, response.json().path("status").asInt(), response.body());
    }

    @Test
    @DisplayName("bad percent-encoding in a path (%ZZ) is a 400 MALFORMED_REQUEST problem, not an HTML page, and never reaches a function")
    void badPercentEncoding() throws IOException {
        assertProblem(exchange("GET /sellers/%ZZ/assistant HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
                400, "MALFORMED_REQUEST");
        assertProblem(exchange("GET /files/%E0%A4%A HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
                400, "MALFORMED_REQUEST");
        assertTrue(invoker.events.isEmpty());
    }

    @Test
    @DisplayName("a garbage request line, an unknown HTTP version and headers over the limit are problems with their own codes")
    void malformedRequests() throws IOException {
        assertProblem(exchange("THIS IS NOT HTTP\r\n\r\n"), 400, "MALFORMED_REQUEST");
        assertProblem(exchange("GET /health HTTP/1.1\r\nHost: localhost\r\nBroken header line\r\n\r\n"), 400, "MALFORMED_REQUEST");
        assertProblem(exchange("GET /health HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(LocalHttpApi.MAX_HEADER_BYTES + 10)
                + "\r\nConnection: close\r\n\r\n"), 431, "HEADERS_TOO_LARGE");
        Raw version = exchange("GET /health HTTP/7.0\r\nHost: localhost\r\n\r\n");
        assertTrue(version.status() == 400 || version.status() == 505, version.toString());
        assertProblem(version, version.status(), version.status() == 400 ? "MALFORMED_REQUEST" : "HTTP_VERSION_NOT_SUPPORTED");
        assertEquals(200, http.get("health").statusCode(), "the server keeps serving");
    }

    @Test
    @DisplayName("an encoded slash stays inside its path parameter through the server, as API Gateway passes it")
    void encodedSlashReachesTheRoute() {
        HttpResponse<String> response = http.get("files/a%2Fb+c%20d");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(Map.of("name", "a/b+c d"), invoker.events.get(0).getPathParameters());
        assertEquals("/files/a%2Fb+c%20d", invoker.events.get(0).getRawPath());
    }

    @Test
    @DisplayName("an empty segment reaches the route table as sent: no route has one, so 404 ROUTE_NOT_FOUND")
    void emptySegmentReachesTheRoute() throws IOException {
        Raw empty = exchange("GET /files//x HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertProblem(empty, 404, "ROUTE_NOT_FOUND");
        assertTrue(invoker.events.isEmpty(), String.valueOf(invoker.events));
    }

    @Test
    @DisplayName("12 uploads that stall mid-body hold no server thread: GET /health answers at once; each stalled one gets 408 REQUEST_TIMEOUT and is closed after the read timeout")
    void stalledUploads() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 12; i++) {
                Socket socket = socket();
                OutputStream out = socket.getOutputStream();
                out.write(("POST /uploads HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/octet-stream\r\n"
                        + "Content-Length: 100000\r\n\r\n" + "x".repeat(1000)).getBytes(StandardCharsets.US_ASCII));
                out.flush();
                stalled.add(socket);
            }
            long started = System.nanoTime();
            HttpResponse<String> health = http.get("health");
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertEquals(200, health.statusCode());
            assertTrue(millis < 1_000, "health answered in " + millis + " ms beside 12 stalled uploads");

            long deadline = System.nanoTime() + READ_TIMEOUT.plusSeconds(5).toNanos();
            for (Socket socket : stalled) {
                socket.setSoTimeout((int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                byte[] answer = readUntilClosed(socket.getInputStream());
                assertProblem(parse(answer), 408, "REQUEST_TIMEOUT");
            }
            assertTrue(invoker.events.isEmpty(), "no stalled upload reached the function");
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    @Test
    @DisplayName("a client that stalls inside its headers loses the connection after the read timeout, and any answer it gets is a problem")
    void stalledHeaders() throws Exception {
        try (Socket socket = socket()) {
            socket.getOutputStream().write("GET /health HTTP/1.1\r\nHost: localhost\r\nX-Half: ".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            socket.setSoTimeout((int) READ_TIMEOUT.plusSeconds(5).toMillis());
            long started = System.nanoTime();
            byte[] answer = readUntilClosed(socket.getInputStream());
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertTrue(millis >= READ_TIMEOUT.toMillis() - 200, "closed after " + millis + " ms, not before the timeout");
            if (answer.length > 0) {
                Raw response = parse(answer);
                assertTrue(response.headers().getOrDefault("content-type", "").startsWith(Problem.CONTENT_TYPE), response.toString());
            }
        }
        assertEquals(200, http.get("health").statusCode());
    }

    @Test
    @DisplayName("the read timeout is the client's: a function that takes longer than it still gets its answer to the client")
    void slowFunctionIsNotCutOff() {
        invoker.answerWith(event -> {
            try {
                Thread.sleep(READ_TIMEOUT.plusSeconds(1).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ok();
        });

        HttpResponse<String> response = http.get("files/slow");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("{\"ok\":true}", response.body());
    }

    @Test
    @DisplayName("HEAD of a page answers its headers and no body")
    void headHasNoBody() throws IOException {
        Raw head = exchange("HEAD /docs HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertEquals(200, head.status(), head.toString());
        assertTrue(head.headers().getOrDefault("content-type", "").startsWith("text/html"), head.toString());
        assertEquals("", head.body());
    }

    /** Everything until the server closes the connection; a read timeout here means it never did. */
    private static byte[] readUntilClosed(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            int read;
            while ((read = in.read(buffer)) != -1) {
                all.write(buffer, 0, read);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the stalled connection was not closed; got so far: " + all, e);
        } catch (java.net.SocketException reset) {
            // closed with unread input on its side: a reset after the answer also closes it
        }
        return all.toByteArray();
    }

    @Test
    @DisplayName("a body over 6 MB is a 413 PAYLOAD_TOO_LARGE problem+json without calling the function, and the server keeps serving")
    void oversizedBody() {
        HttpResponse<String> response = http.send(http.request("uploads", "Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[LocalHttpApi.MAX_BODY_BYTES + 1])).build());

        assertEquals(413, response.statusCode());
        assertTrue(contentType(response).startsWith(Problem.CONTENT_TYPE), contentType(response));
        assertEquals("PAYLOAD_TOO_LARGE", json(response).path("code").asText());
        assertTrue(invoker.events.isEmpty());
        assertEquals(200, http.get("health").statusCode());
    }

    private static APIGatewayV2HTTPResponse ok() {
        APIGatewayV2HTTPResponse response = new APIGatewayV2HTTPResponse();
        response.setStatusCode(200);
        response.setBody("{\"ok\":true}");
        return response;
    }
}
