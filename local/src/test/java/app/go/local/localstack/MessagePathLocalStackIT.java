package app.go.local.localstack;

import app.go.local.GoLocal;
import cloud.localstack.Localstack;
import cloud.localstack.docker.LocalstackDockerExtension;
import cloud.localstack.docker.annotation.LocalstackDockerProperties;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Opt-in (needs Docker and, for current images, LOCALSTACK_AUTH_TOKEN): {@code mvn -Plocalstack verify}.
 * The same handlers and the same topology, with DynamoDB and SQS in LocalStack instead of the
 * embedded engines; the state machines still run in the local executor (LocalStack's free edition
 * cannot run our Lambda jars' Bedrock calls either).
 */
@ExtendWith(LocalstackDockerExtension.class)
@LocalstackDockerProperties(services = {"dynamodb", "sqs"}, environmentVariableProvider = LocalStackAuthToken.class)
class MessagePathLocalStackIT {

    @Test
    @DisplayName("PA-BEH-1 one message end to end with DynamoDB and SQS in LocalStack")
    void oneMessageThroughLocalStack() throws Exception {
        URI endpoint = URI.create(Localstack.INSTANCE.getEndpointDynamoDB());
        try (GoLocal local = GoLocal.start(new GoLocal.Options(0, null, endpoint))) {
            HttpClient http = HttpClient.newHttpClient();
            String platform = token(http, local, "marketplace", "platform");
            String seller = token(http, local, "s-ls", "seller");
            String client = token(http, local, "c-ls", "client");
            send(http, local, "PUT", "/platform/sellers/s-ls", platform, "{\"level\":2,\"timezone\":\"UTC\"}", null);
            send(http, local, "PUT", "/sellers/me/profile", seller, "{\"displayName\":\"Ada\"}", null);
            send(http, local, "POST", "/sellers/me/subscriptions", seller, "{\"plan\":\"PERSONAL_ASSISTANT\","
                    + "\"paymentMethod\":{\"type\":\"CARD\",\"token\":\"tok_visa\"},\"autoRenewConsent\":true}", null);
            send(http, local, "POST", "/sellers/me/assistant/activate", seller, null, "mobile");
            JsonNode started = send(http, local, "POST", "/conversations", client, "{\"sellerId\":\"s-ls\",\"text\":\"Hello\"}", null);
            String path = "/conversations/" + started.get("conversationId").asText() + "/messages";
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            JsonNode messages;
            do {
                Thread.sleep(200);
                messages = send(http, local, "GET", path, client, null, null).get("messages");
            } while (messages.size() < 2 && System.nanoTime() < deadline);
            assertEquals(2, messages.size());
            assertTrue(messages.get(1).get("author").asText().equals("ASSISTANT"));
        }
    }

    private static String token(HttpClient http, GoLocal local, String sub, String role) throws Exception {
        return send(http, local, "POST", "/local/tokens", null, "{\"sub\":\"" + sub + "\",\"role\":\"" + role + "\"}", null)
                .get("token").asText();
    }

    private static JsonNode send(HttpClient http, GoLocal local, String method, String path, String token, String body,
                                 String platformHeader) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(local.uri().resolve(path.substring(1)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (platformHeader != null) {
            request.header("X-Client-Platform", platformHeader);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() < 300, method + " " + path + " -> " + response.statusCode() + " " + response.body());
        return app.go.support.json.Json.parse(response.body());
    }
}
