package app.go.local.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

/** Writes responses to the JDK server's exchange: a function's {@link APIGatewayV2HTTPResponse} or a local one. */
final class ResponseWriter {
    // the server frames the body itself; a function's own values would contradict it
    private static final Set<String> FRAMING_HEADERS = Set.of("content-length", "transfer-encoding", "connection");

    private ResponseWriter() {}

    static void write(HttpExchange exchange, LocalResponse response) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        send(exchange, response.status(), response.body().getBytes(StandardCharsets.UTF_8));
    }

    static void write(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        send(exchange, status, body);
    }

    /**
     * @throws IllegalArgumentException when the response is not one API Gateway could send (bad status,
     *                                  body flagged base64 that is not); nothing is written then
     */
    static void write(HttpExchange exchange, APIGatewayV2HTTPResponse response) throws IOException {
        int status = response.getStatusCode();
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("the function returned status " + status);
        }
        byte[] body = body(response);
        Headers headers = exchange.getResponseHeaders();
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, value) -> {
                if (value != null && !isFraming(name)) {
                    headers.set(name, value);
                }
            });
        }
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((name, values) -> {
                if (values != null && !isFraming(name)) {
                    values.forEach(value -> headers.add(name, value));
                }
            });
        }
        if (response.getCookies() != null) {
            response.getCookies().forEach(cookie -> headers.add("Set-Cookie", cookie));
        }
        if (body.length > 0 && !headers.containsKey("Content-Type")) {
            headers.set("Content-Type", "application/json");
        }
        send(exchange, status, body);
    }

    private static byte[] body(APIGatewayV2HTTPResponse response) {
        if (response.getBody() == null) {
            return new byte[0];
        }
        return response.getIsBase64Encoded()
                ? Base64.getDecoder().decode(response.getBody())
                : response.getBody().getBytes(StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        boolean noBody = body.length == 0 || status == 204 || status == 304
                || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static boolean isFraming(String name) {
        return FRAMING_HEADERS.contains(name.toLowerCase(Locale.ROOT));
    }
}
