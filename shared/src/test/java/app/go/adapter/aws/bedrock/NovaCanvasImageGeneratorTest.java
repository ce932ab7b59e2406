package app.go.adapter.aws.bedrock;

import app.go.domain.creation.GeneratedAsset;
import app.go.domain.creation.ImageSize;
import app.go.domain.creation.MediaKind;
import app.go.domain.creation.Model;
import app.go.domain.creation.StyleProfile;
import app.go.domain.port.AssetGenerationException;
import app.go.testing.InMemoryBlobStore;
import app.go.testing.TestMedia;
import app.go.testing.WireStub;
import app.go.testing.WireStub.Response;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

import java.awt.Color;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Nova Canvas adapter of the AssetGenerator port (images, CM-GEN-8) against a local InvokeModel stub")
class NovaCanvasImageGeneratorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Model MODEL = Model.draft("mdl_1", "s-1", "TATTOO", NOW).training("trn_1", "Tattoo #1", NOW).ready(NOW);
    private static final byte[] IMAGE = TestMedia.png(64, 64, Color.RED);

    private final InMemoryBlobStore blobs = new InMemoryBlobStore();
    private final List<Duration> sleeps = new ArrayList<>();
    private WireStub stub;
    private BedrockRuntimeClient client;
    private NovaCanvasImageGenerator generator;

    @BeforeEach
    void start() throws IOException {
        stub = new WireStub();
        client = BedrockRuntimeClient.builder().endpointOverride(stub.uri()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        generator = new NovaCanvasImageGenerator(client, blobs, NovaCanvasImageGenerator.DEFAULT_MODEL_ID, sleeps::add);
        for (int i = 0; i < 7; i++) {
            blobs.put("sellers/s-1/assets/ast_" + i, TestMedia.png(1024, 1024, new Color(30 * i, 20, 20)), "image/png");
        }
    }

    @AfterEach
    void stop() {
        client.close();
        stub.close();
    }

    private static byte[] profile(List<String> references, double aspect) {
        return new StyleProfile("mdl_1", "trn_1", "TATTOO", MediaKind.IMAGE, "bold black linework, flat red accents",
                List.of("#000000", "#b22222"), false, 60, 0.2, aspect, 0.9, references, List.of(), null, 0).toJson();
    }

    private static String ok(byte[]... images) {
        StringBuilder list = new StringBuilder();
        for (byte[] image : images) {
            list.append(list.length() == 0 ? "" : ",").append('"').append(Base64.getEncoder().encodeToString(image)).append('"');
        }
        return "{\"images\":[" + list + "],\"error\":null}";
    }

    private static List<String> references(int n) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            keys.add("sellers/s-1/assets/ast_" + i);
        }
        return keys;
    }

    @Test
    @DisplayName("CM-GEN-8 IMAGE_VARIATION on the reference set (at most 5), prompt + style description, seed and a 1024² size")
    void buildsImageVariationRequest() throws IOException {
        stub.respond(Response.json(200, ok(IMAGE)));

        GeneratedAsset asset = generator.generate(MODEL, profile(references(7), 1.0), "a red rose with thorns", 1);

        WireStub.Request request = stub.only();
        assertEquals("POST", request.method());
        assertEquals("/model/amazon.nova-canvas-v1%3A0/invoke", request.rawPath());
        JsonNode body = JSON.readTree(request.body());
        assertEquals("IMAGE_VARIATION", body.path("taskType").asText());
        assertEquals("a red rose with thorns. Style: bold black linework, flat red accents",
                body.at("/imageVariationParams/text").asText());
        assertEquals(5, body.at("/imageVariationParams/images").size());
        assertTrue(body.at("/imageVariationParams/negativeText").asText().contains("watermark"));
        assertEquals(0.7, body.at("/imageVariationParams/similarityStrength").asDouble(), 1e-9);
        assertEquals(1024, body.at("/imageGenerationConfig/width").asInt());
        assertEquals(1024, body.at("/imageGenerationConfig/height").asInt());
        assertEquals(1, body.at("/imageGenerationConfig/numberOfImages").asInt());
        long seed = body.at("/imageGenerationConfig/seed").asLong();
        assertTrue(seed >= 0 && seed <= NovaCanvasRequests.MAX_SEED);
        assertArrayEquals(IMAGE, asset.content());
        assertEquals("image/png", asset.contentType());
    }

    @Test
    @DisplayName("without usable references it asks TEXT_IMAGE; a wide style gets a wide size in multiples of 16")
    void textImageWithoutReferences() throws IOException {
        stub.respond(Response.json(200, ok(IMAGE)));

        generator.generate(MODEL, profile(List.of(), 1.5), "a fox", 1);

        JsonNode body = JSON.readTree(stub.only().body());
        assertEquals("TEXT_IMAGE", body.path("taskType").asText());
        assertTrue(body.at("/textToImageParams/text").asText().startsWith("a fox. Style: "));
        assertEquals(1024, body.at("/imageGenerationConfig/width").asInt());
        assertEquals(672, body.at("/imageGenerationConfig/height").asInt());
    }

    @Test
    @DisplayName("CM-GEN-8 a requested size goes into imageGenerationConfig as asked, whatever the style's aspect")
    void requestedSize() throws IOException {
        stub.respond(Response.json(200, ok(IMAGE)));

        generator.generate(MODEL, profile(List.of(), 1.5), "a fox", 1, new ImageSize(512, 1024));

        JsonNode body = JSON.readTree(stub.only().body());
        assertEquals(512, body.at("/imageGenerationConfig/width").asInt());
        assertEquals(1024, body.at("/imageGenerationConfig/height").asInt());
    }

    @Test
    @DisplayName("several images per request where the API allows (1..5), the text cut to Nova's 1024 characters")
    void requestLimits() throws IOException {
        StyleProfile profile = StyleProfile.parse(profile(List.of(), 1));
        JsonNode body = JSON.readTree(NovaCanvasRequests.body("x".repeat(2_000), profile, List.of(),
                NovaCanvasRequests.Size.forAspect(1), 3, -5));
        assertEquals(3, body.at("/imageGenerationConfig/numberOfImages").asInt());
        assertEquals(NovaCanvasRequests.MAX_TEXT, body.at("/textToImageParams/text").asText().length());
        assertTrue(body.at("/imageGenerationConfig/seed").asLong() >= 0);
        assertThrows(IllegalArgumentException.class, () -> NovaCanvasRequests.body("x", profile, List.of(),
                NovaCanvasRequests.Size.forAspect(1), 6, 1));
    }

    @Test
    @DisplayName("CM-GEN-8 a content-filter refusal is REFUSED with a reason the client can act on, after one request")
    void contentFilterIsRefused() {
        stub.respond(Response.awsError(400, "ValidationException", "This request has been blocked by our content filters."));

        AssetGenerationException e = assertThrows(AssetGenerationException.class,
                () -> generator.generate(MODEL, profile(references(1), 1), "something", 1));

        assertEquals(AssetGenerationException.Reason.REFUSED, e.reason());
        assertFalse(e.retryable());
        assertEquals(NovaCanvasImageGenerator.FILTERED, e.getMessage());
        assertEquals(1, stub.requests().size());
    }

    @Test
    @DisplayName("a 200 whose images were all filtered (error field, no image) is REFUSED too")
    void filteredResponseIsRefused() {
        stub.respond(Response.json(200, "{\"images\":[],\"error\":\"Some of the generated images were blocked by our content filters\"}"));

        AssetGenerationException e = assertThrows(AssetGenerationException.class,
                () -> generator.generate(MODEL, profile(List.of(), 1), "something", 1));
        assertEquals(AssetGenerationException.Reason.REFUSED, e.reason());
    }

    @Test
    @DisplayName("throttling is retried with growing backoff and succeeds on the third request (SDK retries off)")
    void throttlingRetried() {
        stub.respond(Response.awsError(429, "ThrottlingException", "Too many requests"));
        stub.respond(Response.awsError(429, "ThrottlingException", "Too many requests"));
        stub.respond(Response.json(200, ok(IMAGE)));

        generator.generate(MODEL, profile(List.of(), 1), "a fox", 1);

        assertEquals(3, stub.requests().size());
        assertEquals(2, sleeps.size());
        assertTrue(sleeps.get(1).compareTo(sleeps.get(0)) > 0 || sleeps.get(1).toMillis() >= 250);
    }

    @Test
    @DisplayName("throttling exhausted after 4 attempts is UNAVAILABLE (retryable by the queue)")
    void throttlingExhausted() {
        stub.respond(Response.awsError(429, "ThrottlingException", "Too many requests"));

        AssetGenerationException e = assertThrows(AssetGenerationException.class,
                () -> generator.generate(MODEL, profile(List.of(), 1), "a fox", 1));
        assertEquals(AssetGenerationException.Reason.UNAVAILABLE, e.reason());
        assertTrue(e.retryable());
        assertEquals(BedrockRetries.MAX_ATTEMPTS, stub.requests().size());
        assertTrue(e.getMessage().contains("after 4 attempts"), e.getMessage());
    }

    @Test
    @DisplayName("an attempt that outlives its timeout is retried, then UNAVAILABLE")
    void timeout() {
        NovaCanvasImageGenerator quick = new NovaCanvasImageGenerator(client, blobs, NovaCanvasImageGenerator.DEFAULT_MODEL_ID,
                sleeps::add, Duration.ofMillis(200));
        stub.respond(Response.json(200, ok(IMAGE)).delayed(1_000));

        AssetGenerationException e = assertThrows(AssetGenerationException.class,
                () -> quick.generate(MODEL, profile(List.of(), 1), "a fox", 1));
        assertEquals(AssetGenerationException.Reason.UNAVAILABLE, e.reason());
        assertEquals(BedrockRetries.MAX_ATTEMPTS, stub.requests().size());
    }
}
