package app.go.adapter.aws.rekognition;

import app.go.domain.creation.AssetChecks;
import app.go.domain.creation.TextFinding;
import app.go.domain.port.TextInImageDetector;
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
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.rekognition.RekognitionClient;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Rekognition adapter of the TextInImageDetector port (CM-AST-6) against a local DetectText stub")
class RekognitionTextDetectorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] PNG = TestMedia.png(64, 64, Color.ORANGE);

    private WireStub stub;
    private RekognitionClient client;
    private RekognitionTextDetector detector;

    @BeforeEach
    void start() throws IOException {
        stub = new WireStub();
        client = client(stub.uri());
        detector = new RekognitionTextDetector(client);
    }

    private static RekognitionClient client(URI endpoint) {
        return RekognitionClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                // the SDK's retries stay (the adapter's outage mapping comes after them), without their back-off waits
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .backoffStrategy(BackoffStrategy.retryImmediately())
                        .throttlingBackoffStrategy(BackoffStrategy.retryImmediately()).build()))
                .build();
    }

    @AfterEach
    void stop() {
        client.close();
        stub.close();
    }

    private static String detection(String text, String type, double confidence, double width, double height) {
        return String.format(java.util.Locale.ROOT, "{\"DetectedText\":\"%s\",\"Type\":\"%s\",\"Id\":1,\"Confidence\":%.2f,"
                + "\"Geometry\":{\"BoundingBox\":{\"Width\":%.4f,\"Height\":%.4f,\"Left\":0.2,\"Top\":0.4},"
                + "\"Polygon\":[{\"X\":0.2,\"Y\":0.4}]}}", text, type, confidence, width, height);
    }

    private static Response detections(String... items) {
        return Response.json(200, "{\"TextDetections\":[" + String.join(",", items) + "],\"TextModelVersion\":\"3.0\"}");
    }

    @Test
    @DisplayName("CM-AST-6 DetectText is called with the image bytes and an 80% word filter; a watermark's lines come back with their area")
    void watermarkIsRead() throws IOException {
        stub.respond(detections(
                detection("\\u00a9 SAMPLE", "LINE", 98.5, 0.5, 0.1),
                detection("\\u00a9", "WORD", 97.0, 0.05, 0.1),
                detection("SAMPLE", "WORD", 99.0, 0.4, 0.1),
                detection("blurred squiggle", "LINE", 41.0, 0.6, 0.3)));

        TextFinding finding = detector.detect(PNG, null);

        WireStub.Request request = stub.only();
        assertEquals("POST", request.method());
        assertEquals("RekognitionService.DetectText", request.header("X-Amz-Target"));
        JsonNode body = JSON.readTree(request.text());
        assertArrayEquals(PNG, Base64.getDecoder().decode(body.path("Image").path("Bytes").asText()));
        assertEquals(80.0, body.path("Filters").path("WordFilter").path("MinConfidence").asDouble(), 1e-6);
        assertEquals(List.of("\u00a9 SAMPLE"), finding.lines(), "words and unsure lines are not lines of text");
        assertEquals(0.05, finding.coverage(), 1e-6);
        assertTrue(AssetChecks.carriesText(finding));
    }

    @Test
    @DisplayName("CM-AST-6 heavy text is flagged by the area its lines cover; a small signature and an image without text are not")
    void areaDecides() {
        stub.respond(detections(detection("SUMMER SALE", "LINE", 99, 0.7, 0.08), detection("open air festival", "LINE", 95, 0.8, 0.07)))
                .respond(detections(detection("Mira", "LINE", 96, 0.06, 0.02)))
                .respond(detections());

        TextFinding poster = detector.detect(PNG, null);
        TextFinding signature = detector.detect(PNG, null);
        TextFinding clean = detector.detect(PNG, null);

        assertEquals(0.7 * 0.08 + 0.8 * 0.07, poster.coverage(), 1e-6);
        assertEquals(List.of("SUMMER SALE", "open air festival"), poster.lines());
        assertTrue(AssetChecks.carriesText(poster));
        assertFalse(AssetChecks.carriesText(signature), "an artist's small signature is part of the work");
        assertEquals(TextFinding.NONE, clean);
        assertFalse(AssetChecks.carriesText(clean));
    }

    @Test
    @DisplayName("CM-AST-6 an image Rekognition does not read inline (GIF) is sent re-encoded as JPEG")
    void otherFormatsAreReencoded() throws IOException {
        stub.respond(detections());
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream gif = new ByteArrayOutputStream();
        ImageIO.write(image, "gif", gif);

        detector.detect(gif.toByteArray(), null);

        byte[] sent = Base64.getDecoder().decode(JSON.readTree(stub.only().text()).path("Image").path("Bytes").asText());
        assertEquals(0xff, sent[0] & 0xff);
        assertEquals(0xd8, sent[1] & 0xff);
        assertEquals(40, ImageIO.read(new java.io.ByteArrayInputStream(sent)).getWidth());
    }

    @Test
    @DisplayName("CM-AST-6 throttling and 5xx (after the SDK's retries) are Unavailable, naming the error and the request, never a pass")
    void outageIsUnavailable() {
        stub.respond(Response.awsError(400, "ThrottlingException", "slow down"));
        TextInImageDetector.Unavailable throttled = assertThrows(TextInImageDetector.Unavailable.class, () -> detector.detect(PNG, null));
        assertTrue(throttled.getMessage().contains("ThrottlingException"), throttled.getMessage());
        assertTrue(throttled.getMessage().contains("req-"), throttled.getMessage());
        assertTrue(stub.requests().size() > 1, "throttling is retried by the SDK first");

        stub.respond(Response.awsError(500, "InternalServerError", "boom"));
        assertThrows(TextInImageDetector.Unavailable.class, () -> detector.detect(PNG, null));
        stub.respond(Response.awsError(400, "AccessDeniedException", "no permission"));
        assertThrows(TextInImageDetector.Unavailable.class, () -> detector.detect(PNG, null));
    }

    @Test
    @DisplayName("CM-AST-6 an unreachable or slow Rekognition is Unavailable within the call timeout")
    void unreachableIsUnavailable() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (RekognitionClient nowhere = client(URI.create("http://127.0.0.1:" + port))) {
            assertThrows(TextInImageDetector.Unavailable.class, () -> new RekognitionTextDetector(nowhere).detect(PNG, null));
        }
        stub.respond(detections().delayed(3_000));
        long start = System.nanoTime();
        assertThrows(TextInImageDetector.Unavailable.class,
                () -> new RekognitionTextDetector(client, Duration.ofMillis(500)).detect(PNG, null));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 2_500);
    }

    @Test
    @DisplayName("CM-AST-6 an image the service refuses to read (InvalidImageFormat) is reported unread, not as an outage")
    void unreadableImageIsNoFinding() {
        stub.respond(Response.awsError(400, "InvalidImageFormatException", "bad image"));
        assertEquals(TextFinding.NONE, detector.detect(PNG, null));
    }
}
