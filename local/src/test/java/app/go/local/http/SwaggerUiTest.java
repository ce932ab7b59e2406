package app.go.local.http;

import app.go.support.time.AdjustableClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SwaggerUiTest {

    @Test
    @DisplayName("GET /docs is Swagger UI showing /openapi.yaml, its script and styles come from the webjar, other files 404")
    void docsServeSwaggerUi() throws Exception {
        try (LocalHttpApi api = new LocalHttpApi(0, List.of(), new RecordingInvoker(event -> null),
                new LocalTokens("unused", AdjustableClock.systemUtc()), AdjustableClock.systemUtc()).start()) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(api.uri().resolve("docs")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.headers().firstValue("content-type").orElse("").startsWith("text/html"));
            assertTrue(page.body().contains("url: \"/openapi.yaml\""));
            HttpResponse<String> bundle = http.send(HttpRequest.newBuilder(api.uri().resolve("docs/swagger-ui-bundle.js")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, bundle.statusCode());
            assertTrue(bundle.body().contains("SwaggerUIBundle"));
            HttpResponse<String> other = http.send(HttpRequest.newBuilder(api.uri().resolve("docs/../../etc/passwd")).build(),
                    HttpResponse.BodyHandlers.ofString());
            // a path above the root is refused by the server itself, before any route: a problem, never a file
            assertEquals(400, other.statusCode());
            assertTrue(other.headers().firstValue("content-type").orElse("").startsWith(Problem.CONTENT_TYPE));
            assertTrue(other.body().contains("\"code\":\"MALFORMED_REQUEST\""), other.body());
            HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(api.uri().resolve("docs/passwd")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, unknown.statusCode());
        }
    }
}
