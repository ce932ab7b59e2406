package app.go.local.bench;

import app.go.support.json.Json;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The bench's client of the local HTTP API (java.net.http, HTTP/1.1), plus the few calls it repeats. */
final class BenchHttp {
    static final String QUESTION = "Hello, how much does a logo cost?";

    record Response(int status, String body) {
        JsonNode json() {
            return body == null || body.isBlank() ? Json.object() : Json.parse(body);
        }
    }

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    BenchHttp(URI base) {
        this.base = base;
    }

    Response send(String method, String path, String token, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path.substring(1))).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(Json.write(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Response get(String path, String token) {
        return send("GET", path, token, null, Map.of());
    }

    /** A level-2 seller with a profile and one priced service; the assistant stays INACTIVE until {@link #activate}. */
    void setUpSeller(String sellerId, String platformToken, String sellerToken) {
        expect(200, send("PUT", "/platform/sellers/" + sellerId, platformToken,
                Map.of("level", 2, "pro", false, "timezone", "Europe/Berlin"), Map.of()));
        expect(200, send("PUT", "/sellers/me/profile", sellerToken, Map.of("displayName", "Bench " + sellerId,
                "description", "Logo designer with 10 years of experience", "skills", List.of("logo design"),
                "languages", List.of("English")), Map.of()));
        expect(200, send("PUT", "/sellers/me/services/logo", sellerToken, Map.of("title", "Logo design",
                "description", "A modern logo for your brand", "subcategory", "LOGO_DESIGN",
                "packages", List.of(Map.of("name", "Basic", "priceCents", 5000, "deliveryDays", 3, "revisions", 1))), Map.of()));
    }

    /** Subscribes the seller to the Personal Assistant (BILL-1) and turns it on. */
    void activate(String sellerToken) {
        expect(201, send("POST", "/sellers/me/subscriptions", sellerToken, Map.of("plan", "PERSONAL_ASSISTANT",
                "paymentMethod", Map.of("type", "CARD", "token", "tok_visa"), "autoRenewConsent", true), Map.of()));
        expect(200, send("POST", "/sellers/me/assistant/activate", sellerToken, null, Map.of("X-Client-Platform", "mobile")));
    }

    /** Starts a conversation with the bench's question; the response (201 with conversationId on success). */
    Response startConversation(String sellerId, String clientToken) {
        return send("POST", "/conversations", clientToken, Map.of("sellerId", sellerId, "serviceId", "logo", "text", QUESTION), Map.of());
    }

    static List<JsonNode> messages(Response response) {
        List<JsonNode> messages = new java.util.ArrayList<>();
        response.json().path("messages").forEach(messages::add);
        return messages;
    }

    static long assistantReplies(Response response) {
        return messages(response).stream().filter(m -> "ASSISTANT".equals(m.path("author").asText())).count();
    }

    static Response expect(int status, Response response) {
        if (response.status() != status) {
            throw new IllegalStateException("expected HTTP " + status + " but got " + response.status() + ": " + response.body());
        }
        return response;
    }
}
