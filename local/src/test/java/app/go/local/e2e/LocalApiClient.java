package app.go.local.e2e;

import app.go.local.http.OpenApiContract;
import app.go.support.json.Json;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** A small client of the local HTTP API for end-to-end tests: real HTTP, real JSON. */
final class LocalApiClient {
    record Response(int status, JsonNode body, String contentType) {}

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    LocalApiClient(URI base) {
        this.base = base;
    }

    String token(String sub, String role) {
        return call("POST", "/local/tokens", null, Map.of("sub", sub, "role", role), Map.of()).body().get("token").asText();
    }

    /** BILL-1: the seller subscribes to the Personal Assistant (card, renewal consent), as activation needs. */
    void subscribeToAssistant(String sellerToken) {
        Response subscribed = call("POST", "/sellers/me/subscriptions", sellerToken, Map.of("plan", "PERSONAL_ASSISTANT",
                "paymentMethod", Map.of("type", "CARD", "token", "tok_visa"), "autoRenewConsent", true));
        if (subscribed.status() != 201) {
            throw new AssertionError("subscribing failed: " + subscribed.status() + " " + subscribed.body());
        }
    }

    Response call(String method, String path, String token, Object body) {
        return call(method, path, token, body, Map.of());
    }

    Response call(String method, String path, String token, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path.substring(1))).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : Json.write(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            boolean isJson = text != null && (text.trim().startsWith("{") || text.trim().startsWith("["));
            JsonNode json = isJson ? Json.parse(text) : Json.object();
            String contentType = response.headers().firstValue("content-type").orElse("");
            conformsToContract(method, path, response.statusCode(), contentType, isJson ? json : null);
            return new Response(response.statusCode(), json, contentType);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Fetched(int status, byte[] body, String contentType, JsonNode problem) {}

    /** A GET without a token of a link the API handed out (a signed download link), body kept as bytes. */
    Fetched fetch(String link) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(link.startsWith("/") ? link.substring(1) : link))
                .timeout(Duration.ofSeconds(30)).GET().build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            String contentType = response.headers().firstValue("content-type").orElse("");
            JsonNode problem = contentType.contains("json") ? Json.parse(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8)) : null;
            int query = link.indexOf('?');
            conformsToContract("GET", query < 0 ? link : link.substring(0, query), response.statusCode(), contentType, problem);
            return new Fetched(response.statusCode(), response.body(), contentType, problem);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every response an end-to-end test sees is checked against docs/openapi.yaml: drift fails the test. */
    private static void conformsToContract(String method, String path, int status, String contentType, JsonNode body) {
        int query = path.indexOf('?');
        List<String> drift = OpenApiContract.get().check(method, query < 0 ? path : path.substring(0, query), status,
                contentType.isEmpty() ? null : contentType, body);
        if (!drift.isEmpty()) throw new AssertionError("response differs from docs/openapi.yaml:\n" + String.join("\n", drift));
    }

    /** Polls a GET until the condition holds (asynchronous work: queues, state machines). */
    Response await(String path, String token, Predicate<JsonNode> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Response last;
        do {
            last = call("GET", path, token, null);
            if (last.status() == 200 && condition.test(last.body())) {
                return last;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError("condition not met within " + timeout + " on " + path + "; last: " + last.status() + " " + last.body());
    }
}
