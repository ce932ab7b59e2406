package app.go.adapter.aws.bedrock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.go.domain.port.Completion;
import app.go.domain.port.LanguageModelException;
import app.go.domain.port.LanguageModelException.Reason;
import app.go.domain.port.Prompt;
import app.go.domain.port.Prompt.Role;
import app.go.domain.port.Prompt.Turn;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

@DisplayName("Bedrock adapter of the LanguageModel port (the PA's cloud model) against a local Converse stub")
class BedrockLanguageModelTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL_ID = "anthropic.claude-3-haiku-20240307-v1:0";
    private static final String SECRET = "seller Jane Doe, IBAN DE89 3704 0044 0532 0130 00";
    private static final String OK = """
            {"output":{"message":{"role":"assistant","content":[{"text":"Your order ships Monday."}]}},
             "stopReason":"end_turn","usage":{"inputTokens":12,"outputTokens":7,"totalTokens":19},
             "metrics":{"latencyMs":5}}""";

    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private ConverseStub stub;
    private BedrockRuntimeClient client;
    private BedrockLanguageModel model;

    @BeforeEach
    void start() throws IOException {
        stub = new ConverseStub();
        client = clientFor(URI.create("http://127.0.0.1:" + stub.port()));
        model = new BedrockLanguageModel(client, MODEL_ID, sleeps::add);
    }

    @AfterEach
    void stop() {
        client.close();
        stub.stop();
    }

    /** A real SDK client with the SDK's default retry strategy, so a test would see it if it retried too. */
    private static BedrockRuntimeClient clientFor(URI endpoint) {
        return BedrockRuntimeClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private static Prompt prompt(Turn... turns) {
        return new Prompt("You are the seller's assistant.", List.of(turns), new Prompt.InferenceSettings(300, 0.25, 0.75));
    }

    private static Prompt secretPrompt() {
        return prompt(new Turn(Role.USER, "When is the payout for " + SECRET + "?"));
    }

    @Test
    @DisplayName("Bedrock adapter POSTs Converse to the URL-encoded model id with system, role-tagged messages and inference settings")
    void sendsConverseRequest() throws IOException {
        stub.respond(200, null, OK);

        model.complete(prompt(new Turn(Role.USER, "Where is my order?"), new Turn(Role.ASSISTANT, "Which order?"),
                new Turn(Role.USER, "Order 42")));

        ConverseStub.Request request = stub.only();
        assertEquals("POST", request.method());
        assertEquals("/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse", request.rawPath());
        JsonNode body = JSON.readTree(request.body());
        assertEquals("You are the seller's assistant.", body.at("/system/0/text").asText());
        assertEquals(List.of("user:Where is my order?", "assistant:Which order?", "user:Order 42"), messages(body));
        assertEquals(300, body.at("/inferenceConfig/maxTokens").asInt());
        assertEquals(0.25, body.at("/inferenceConfig/temperature").asDouble(), 1e-6);
        assertEquals(0.75, body.at("/inferenceConfig/topP").asDouble(), 1e-6);
    }

    @Test
    @DisplayName("Bedrock adapter parses the reply text, stop reason and input/output token usage")
    void parsesResponse() {
        stub.respond(200, null, OK);

        Completion completion = model.complete(prompt(new Turn(Role.USER, "When does it ship?")));

        assertEquals("Your order ships Monday.", completion.text());
        assertEquals("end_turn", completion.stopReason());
        assertEquals(new Completion.TokenUsage(12, 7), completion.usage());
        assertEquals(19, completion.usage().total());
    }

    @Test
    @DisplayName("Bedrock adapter joins several text blocks of the reply and skips non-text blocks")
    void joinsTextBlocks() {
        stub.respond(200, null, """
                {"output":{"message":{"role":"assistant","content":[{"text":"Part one."},
                 {"reasoningContent":{"reasoningText":{"text":"hidden"}}},{"text":"Part two."}]}},
                 "stopReason":"max_tokens","usage":{"inputTokens":3,"outputTokens":4,"totalTokens":7}}""");

        Completion completion = model.complete(prompt(new Turn(Role.USER, "Explain.")));

        assertEquals("Part one.\nPart two.", completion.text());
        assertEquals("max_tokens", completion.stopReason());
    }

    @Test
    @DisplayName("Bedrock adapter merges consecutive same-role turns, drops leading assistant and blank turns so messages alternate from USER")
    void mergesTurnsIntoAlternation() throws IOException {
        stub.respond(200, null, OK);

        model.complete(prompt(
                new Turn(Role.ASSISTANT, "Hi, I am your assistant."),
                new Turn(Role.USER, "First."),
                new Turn(Role.USER, " "),
                new Turn(Role.USER, "Second."),
                new Turn(Role.ASSISTANT, "Noted."),
                new Turn(Role.ASSISTANT, "Anything else?"),
                new Turn(Role.USER, "Third.")));

        assertEquals(List.of("user:First.\n\nSecond.", "assistant:Noted.\n\nAnything else?", "user:Third."),
                messages(JSON.readTree(stub.only().body())));
    }

    @Test
    @DisplayName("Bedrock adapter rejects a prompt without a user turn as INVALID_REQUEST without calling the service")
    void rejectsPromptWithoutUserTurn() {
        LanguageModelException e = assertThrows(LanguageModelException.class,
                () -> model.complete(prompt(new Turn(Role.ASSISTANT, "Hello!"))));

        assertEquals(Reason.INVALID_REQUEST, e.reason());
        assertEquals(0, stub.requests().size());
    }

    @Test
    @DisplayName("Bedrock adapter retries throttling with growing backoff and succeeds on the third request")
    void retriesThrottlingThenSucceeds() {
        stub.respond(429, "ThrottlingException", "{\"message\":\"Too many requests\"}");
        stub.respond(429, "ThrottlingException", "{\"message\":\"Too many requests\"}");
        stub.respond(200, null, OK);

        Completion completion = model.complete(prompt(new Turn(Role.USER, "Ship date?")));

        assertEquals("Your order ships Monday.", completion.text());
        assertEquals(3, stub.requests().size());
        assertEquals(2, sleeps.size());
        assertBetween(sleeps.get(0), 125, 250);
        assertBetween(sleeps.get(1), 250, 500);
    }

    @Test
    @DisplayName("Bedrock adapter gives up after 4 throttled attempts with THROTTLED (SDK retries off, so exactly 4 requests)")
    void throttlingExhausted() {
        stub.respond(429, "ThrottlingException", "{\"message\":\"Too many requests\"}");

        LanguageModelException e = assertThrows(LanguageModelException.class,
                () -> model.complete(prompt(new Turn(Role.USER, "Ship date?"))));

        assertEquals(Reason.THROTTLED, e.reason());
        assertTrue(e.reason().retryable());
        assertEquals(BedrockLanguageModel.MAX_ATTEMPTS, stub.requests().size());
        assertEquals(3, sleeps.size());
        assertTrue(e.getMessage().contains("after 4 attempts"), e.getMessage());
        assertTrue(e.getMessage().contains("ThrottlingException"), e.getMessage());
    }

    @Test
    @DisplayName("Bedrock adapter maps 400 ValidationException to INVALID_REQUEST after a single request")
    void validationIsNotRetried() {
        stub.respond(400, "ValidationException", "{\"message\":\"Input is too long for requested model.\"}");

        LanguageModelException e = assertThrows(LanguageModelException.class,
                () -> model.complete(prompt(new Turn(Role.USER, "Long question"))));

        assertEquals(Reason.INVALID_REQUEST, e.reason());
        assertEquals(1, stub.requests().size());
        assertTrue(sleeps.isEmpty());
    }

    @ParameterizedTest(name = "HTTP {0} {1}")
    @CsvSource({"403, AccessDeniedException", "404, ResourceNotFoundException"})
    @DisplayName("Bedrock adapter maps access denied / unknown model to ACCESS_DENIED naming the model id, without retry")
    void accessDenied(int status, String errorType) {
        stub.respond(status, errorType, "{\"message\":\"You don't have access to the model with the specified model ID.\"}");

        LanguageModelException e = assertThrows(LanguageModelException.class,
                () -> model.complete(prompt(new Turn(Role.USER, "Hello"))));

        assertEquals(Reason.ACCESS_DENIED, e.reason());
        assertTrue(e.getMessage().contains(MODEL_ID), e.getMessage());
        assertEquals(1, stub.requests().size());
    }

    @Test
    @DisplayName("Bedrock adapter retries a 500 InternalServerException 4 times in all, then reports UNAVAILABLE")
    void serverErrorRetriedThenUnavailable() {
        stub.respond(500, "InternalServerException", "{\"message\":\"Internal error\"}");

        LanguageModelException e = assertThrows(LanguageModelException.class,
                () -> model.complete(prompt(new Turn(Role.USER, "Hello"))));

        assertEquals(Reason.UNAVAILABLE, e.reason());
        assertEquals(4, stub.requests().size());
        assertEquals(3, sleeps.size());
    }

    @Test
    @DisplayName("Bedrock adapter retries 503 ServiceUnavailableException and succeeds when the service recovers")
    void serviceUnavailableRetried() {
        stub.respond(503, "ServiceUnavailableException", "{\"message\":\"Service unavailable\"}");
        stub.respond(200, null, OK);

        assertEquals("Your order ships Monday.", model.complete(prompt(new Turn(Role.USER, "Hello"))).text());
        assertEquals(2, stub.requests().size());
    }

    @Test
    @DisplayName("Bedrock adapter reports a refused connection as UNAVAILABLE after 4 attempts")
    void connectionRefusedIsUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (BedrockRuntimeClient unreachable = clientFor(URI.create("http://127.0.0.1:" + closedPort))) {
            BedrockLanguageModel offline = new BedrockLanguageModel(unreachable, MODEL_ID, sleeps::add);

            LanguageModelException e = assertThrows(LanguageModelException.class, () -> offline.complete(secretPrompt()));

            assertEquals(Reason.UNAVAILABLE, e.reason());
            assertEquals(3, sleeps.size());
            assertTrue(e.getMessage().contains("after 4 attempts"), e.getMessage());
        }
    }

    @ParameterizedTest(name = "HTTP {0} {1}")
    @CsvSource({"429, ThrottlingException", "400, ValidationException", "403, AccessDeniedException",
            "500, InternalServerException"})
    @DisplayName("Bedrock adapter error messages never contain the prompt text, even when the service echoes it")
    void errorMessageOmitsPrompt(int status, String errorType) {
        stub.echoBodyInErrors(status, errorType);

        LanguageModelException e = assertThrows(LanguageModelException.class, () -> model.complete(secretPrompt()));

        assertFalse(e.getMessage().contains("Jane Doe"), e.getMessage());
        assertFalse(e.getMessage().contains("DE89"), e.getMessage());
        assertFalse(e.getMessage().contains("You are the seller's assistant"), e.getMessage());
        assertTrue(e.getMessage().contains(errorType), e.getMessage());
    }

    @Test
    @DisplayName("Bedrock adapter backoff doubles per retry and stays within [ceiling/2, ceiling] (jitter)")
    void backoffIsExponentialWithJitter() {
        for (int i = 0; i < 50; i++) {
            assertBetween(BedrockLanguageModel.backoff(1), 125, 250);
            assertBetween(BedrockLanguageModel.backoff(2), 250, 500);
            assertBetween(BedrockLanguageModel.backoff(3), 500, 1000);
        }
    }

    private static void assertBetween(Duration actual, long minMillis, long maxMillis) {
        assertTrue(actual.toMillis() >= minMillis && actual.toMillis() <= maxMillis,
                actual + " not in [" + minMillis + ", " + maxMillis + "] ms");
    }

    private static final String TURN = """
            {"output":{"message":{"role":"assistant","content":[{"toolUse":{"toolUseId":"t-1","name":"assistant_turn",
             "input":{"reply":"Das Basic-Paket kostet 45,00 $.","language":"de","languageConfidence":0.95,"intent":"GATHER_REQUIREMENTS",
             "handoffReasons":[],"requirements":{"what":"ein Logo für meine Bäckerei","budget":"etwa 300 €"},
             "missing":["scope","deadline","references"]}}}]}},
             "stopReason":"tool_use","usage":{"inputTokens":812,"outputTokens":64,"totalTokens":876}}""";
    private static final String NO_TOOL = """
            {"output":{"message":{"role":"assistant","content":[{"text":"Sure, the basic package is cheap."}]}},
             "stopReason":"end_turn","usage":{"inputTokens":800,"outputTokens":9,"totalTokens":809}}""";
    private static final String BAD_TOOL = """
            {"output":{"message":{"role":"assistant","content":[{"toolUse":{"toolUseId":"t-2","name":"assistant_turn",
             "input":{"reply":"Handing over.","language":"en","languageConfidence":0.9,"intent":"HAND_OVER","handoffReasons":[],
             "requirements":{},"missing":[]}}}]}},"stopReason":"tool_use","usage":{"inputTokens":800,"outputTokens":9,"totalTokens":809}}""";

    private static app.go.domain.port.ReplyContext turnContext() {
        app.go.domain.seller.SellerProfile profile = new app.go.domain.seller.SellerProfile("Ana", "Designer", List.of(), List.of());
        app.go.domain.seller.SellerService logo = new app.go.domain.seller.SellerService("logo", "Logo design", "Logos", "LOGO",
                List.of(new app.go.domain.seller.SellerService.ServicePackage("Basic", 4500, 3, 1, null)), List.of());
        List<app.go.domain.conversation.Message> history = List.of(new app.go.domain.conversation.Message("m-1", "c-1",
                app.go.domain.conversation.Author.CLIENT, "Ich brauche ein Logo für meine Bäckerei, etwa 300 €. Was kostet Basic?", null,
                java.time.Instant.parse("2026-03-08T10:00:00Z")));
        return new app.go.domain.port.ReplyContext("Pixel", profile, "logo", List.of(logo),
                app.go.domain.knowledge.KnowledgeGenerator.generate(profile, List.of(logo)), history, history.get(0).text(),
                "de", 0.8, app.go.domain.knowledge.ToneProfile.NONE, app.go.domain.assistant.PromptBuilder.FIXED_RULES,
                java.util.EnumSet.allOf(app.go.domain.assistant.HandoffReason.class));
    }

    @Test
    @DisplayName("issue 7: a turn is asked through Converse with a forced tool whose JSON schema is the turn, and read from the toolUse input")
    void turnThroughForcedTool() throws IOException {
        stub.respond(200, null, TURN);

        app.go.domain.port.AssistantTurn turn = model.respond(turnContext());

        JsonNode body = JSON.readTree(stub.only().body());
        assertEquals("assistant_turn", body.at("/toolConfig/toolChoice/tool/name").asText(), body.toString());
        JsonNode spec = body.at("/toolConfig/tools/0/toolSpec");
        assertEquals("assistant_turn", spec.at("/name").asText());
        JsonNode schema = spec.at("/inputSchema/json");
        assertEquals("object", schema.at("/type").asText());
        assertEquals("[\"ANSWER\",\"GATHER_REQUIREMENTS\",\"HAND_OVER\",\"CANNOT_ANSWER\"]", schema.at("/properties/intent/enum").toString(),
                "every intent the domain knows is offered to the model");
        assertTrue(schema.at("/properties/handoffReasons/items/enum").toString().contains("ASKED_FOR_SELLER"));
        assertTrue(schema.at("/required").toString().contains("missing"));
        assertTrue(body.at("/system/0/text").asText().contains(app.go.domain.assistant.PromptBuilder.FIXED_RULES));
        assertTrue(body.at("/guardrailConfig").isMissingNode(), "no guardrail unless configured");

        assertEquals("Das Basic-Paket kostet 45,00 $.", turn.reply());
        assertEquals("de", turn.language());
        assertEquals(0.95, turn.languageConfidence(), 1e-9);
        assertEquals(app.go.domain.port.AssistantTurn.Intent.GATHER_REQUIREMENTS, turn.intent());
        assertEquals("etwa 300 €", turn.requirements().gathered().get(app.go.domain.assistant.Requirement.BUDGET));
        assertTrue(turn.requirements().missing().contains(app.go.domain.assistant.Requirement.DEADLINE));
        assertEquals(new Completion.TokenUsage(812, 64), turn.usage());
        assertFalse(turn.blocked());
    }

    @Test
    @DisplayName("issue 7: a missing tool call is asked again once; the second answer is used")
    void missingToolCallIsRetriedOnce() {
        stub.respond(200, null, NO_TOOL);
        stub.respond(200, null, TURN);

        app.go.domain.port.AssistantTurn turn = model.respond(turnContext());

        assertEquals(2, stub.requests().size());
        assertEquals("de", turn.language());
    }

    @Test
    @DisplayName("issue 7: a malformed tool call twice (a handover without a reason) is a clear failure, never a half reply")
    void malformedTwiceFails() {
        stub.respond(200, null, BAD_TOOL);

        LanguageModelException e = assertThrows(LanguageModelException.class, () -> model.respond(turnContext()));

        assertEquals(Reason.INVALID_RESPONSE, e.reason());
        assertEquals(2, stub.requests().size());
        assertTrue(e.getMessage().contains("assistant_turn"), e.getMessage());
    }

    @Test
    @DisplayName("issue 7: with a guardrail configured, guardrailConfig is sent and guardrail_intervened becomes a blocked turn")
    void guardrailBlocks() throws IOException {
        BedrockLanguageModel guarded = new BedrockLanguageModel(client, MODEL_ID,
                java.util.Optional.of(new BedrockLanguageModel.Guardrail("gr-123", "2")), sleeps::add);
        stub.respond(200, null, """
                {"output":{"message":{"role":"assistant","content":[{"text":"Sorry, I can't help with that."}]}},
                 "stopReason":"guardrail_intervened","usage":{"inputTokens":700,"outputTokens":0,"totalTokens":700}}""");

        app.go.domain.port.AssistantTurn turn = guarded.respond(turnContext());

        JsonNode body = JSON.readTree(stub.only().body());
        assertEquals("gr-123", body.at("/guardrailConfig/guardrailIdentifier").asText());
        assertEquals("2", body.at("/guardrailConfig/guardrailVersion").asText());
        assertTrue(turn.blocked());
        assertEquals(app.go.domain.port.AssistantTurn.Intent.ANSWER, turn.intent());
        assertEquals("de", turn.language());
    }

    private static List<String> messages(JsonNode body) {
        List<String> result = new ArrayList<>();
        for (JsonNode message : body.get("messages")) {
            assertEquals(1, message.get("content").size());
            result.add(message.get("role").asText() + ":" + message.at("/content/0/text").asText());
        }
        return result;
    }

    /**
     * Speaks Converse's wire format: answers scripted responses in order (repeating the last) and
     * records every request it gets.
     */
    private static final class ConverseStub {
        record Request(String method, String rawPath, String body) {}

        private record Response(int status, String errorType, String body, boolean echo) {}

        private final HttpServer server;
        private final List<Request> requests = new CopyOnWriteArrayList<>();
        private final List<Response> script = new CopyOnWriteArrayList<>();

        ConverseStub() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", this::handle);
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        void respond(int status, String errorType, String body) {
            script.add(new Response(status, errorType, body, false));
        }

        /** Errors whose message quotes the whole request body: the worst case for privacy. */
        void echoBodyInErrors(int status, String errorType) {
            script.add(new Response(status, errorType, null, true));
        }

        List<Request> requests() {
            return requests;
        }

        Request only() {
            assertEquals(1, requests.size());
            return requests.get(0);
        }

        void stop() {
            server.stop(0);
        }

        private void handle(HttpExchange exchange) throws IOException {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), body));
            Response response = script.get(Math.min(requests.size(), script.size()) - 1);
            String text = response.echo()
                    ? JSON.createObjectNode().put("message", "Bad input: " + body).toString()
                    : response.body();
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("x-amzn-RequestId", "req-" + requests.size());
            if (response.errorType() != null) {
                exchange.getResponseHeaders().set("x-amzn-ErrorType", response.errorType());
            }
            exchange.sendResponseHeaders(response.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
