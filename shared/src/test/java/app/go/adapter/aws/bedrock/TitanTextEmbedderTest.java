package app.go.adapter.aws.bedrock;

import app.go.domain.knowledge.EmbeddingRetriever;
import app.go.domain.knowledge.EmbeddingVectors;
import app.go.domain.knowledge.KnowledgeEntry;
import app.go.domain.knowledge.KnowledgeIndex;
import app.go.domain.port.LanguageModelException;
import app.go.testing.InMemoryKnowledgeStore;
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

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Issue 7: Titan Text Embeddings V2 adapter of the TextEmbedder port against a local InvokeModel stub")
class TitanTextEmbedderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Duration> sleeps = new ArrayList<>();
    private WireStub stub;
    private BedrockRuntimeClient client;
    private TitanTextEmbedder embedder;

    @BeforeEach
    void start() throws IOException {
        stub = new WireStub();
        client = BedrockRuntimeClient.builder().endpointOverride(stub.uri()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        embedder = new TitanTextEmbedder(client, TitanTextEmbedder.DEFAULT_MODEL_ID, sleeps::add);
    }

    @AfterEach
    void stop() {
        client.close();
        stub.close();
    }

    /** A unit vector along {@code axis} (with a small tail so quantizing has work to do). */
    private static String vector(int axis) {
        StringBuilder json = new StringBuilder("{\"embedding\":[");
        for (int i = 0; i < TitanTextEmbedder.DIMENSIONS; i++) {
            json.append(i == 0 ? "" : ",").append(i == axis ? "0.99" : "0.001");
        }
        return json.append("],\"inputTextTokenCount\":7}").toString();
    }

    @Test
    @DisplayName("sends InvokeModel to the model's path with inputText, 512 dimensions and normalize, and reads the embedding")
    void requestAndResponse() throws Exception {
        stub.respond(Response.json(200, vector(3)));
        float[] v = embedder.embed("¿Haces tatuajes a color?");
        WireStub.Request request = stub.only();
        assertEquals("POST", request.method());
        assertEquals("/model/amazon.titan-embed-text-v2%3A0/invoke", request.rawPath());
        JsonNode body = JSON.readTree(request.text());
        assertEquals("¿Haces tatuajes a color?", body.path("inputText").asText());
        assertEquals(512, body.path("dimensions").asInt());
        assertTrue(body.path("normalize").asBoolean());
        assertEquals(512, v.length);
        assertEquals(0.99f, v[3], 1e-6);
    }

    @Test
    @DisplayName("throttling is retried with backoff, then answered; the SDK's own retries are off (one request per attempt)")
    void throttlingRetried() {
        stub.respond(Response.awsError(429, "ThrottlingException", "slow down"))
                .respond(Response.awsError(429, "ThrottlingException", "slow down"))
                .respond(Response.json(200, vector(1)));
        assertEquals(0.99f, embedder.embed("hello")[1], 1e-6);
        assertEquals(3, stub.requests().size());
        assertEquals(2, sleeps.size());
        assertTrue(sleeps.get(1).compareTo(sleeps.get(0).dividedBy(2)) >= 0);
    }

    @Test
    @DisplayName("throttling on every attempt becomes a clear THROTTLED failure naming the model and request id, not the text")
    void throttlingGivesUp() {
        stub.respond(Response.awsError(429, "ThrottlingException", "slow down"));
        LanguageModelException e = assertThrows(LanguageModelException.class, () -> embedder.embed("secret client text"));
        assertEquals(LanguageModelException.Reason.THROTTLED, e.reason());
        assertEquals(BedrockRetries.MAX_ATTEMPTS, stub.requests().size());
        assertTrue(e.getMessage().contains(TitanTextEmbedder.DEFAULT_MODEL_ID) && e.getMessage().contains("request id"), e.getMessage());
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }

    @Test
    @DisplayName("access denied fails at once; a body without a 512-dimension embedding is INVALID_RESPONSE")
    void errors() {
        stub.respond(Response.awsError(403, "AccessDeniedException", "no access"));
        assertEquals(LanguageModelException.Reason.ACCESS_DENIED,
                assertThrows(LanguageModelException.class, () -> embedder.embed("x")).reason());
        assertEquals(1, stub.requests().size());
        stub.respond(Response.json(200, "{\"embedding\":[0.1,0.2]}"));
        assertEquals(LanguageModelException.Reason.INVALID_RESPONSE,
                assertThrows(LanguageModelException.class, () -> embedder.embed("x")).reason());
    }

    @Test
    @DisplayName("the index stores one 512-byte vector per text once; the retriever embeds the message once and ranks by cosine")
    void indexAndRetrieve() {
        InMemoryKnowledgeStore store = new InMemoryKnowledgeStore();
        KnowledgeEntry weekends = new KnowledgeEntry("kb-1", KnowledgeEntry.Scope.GENERAL, null, "Weekends?", "No.", KnowledgeEntry.Source.SELLER);
        KnowledgeEntry formats = new KnowledgeEntry("kb-2", KnowledgeEntry.Scope.GENERAL, null, "Formats?", "PNG.", KnowledgeEntry.Source.SELLER);
        stub.respond(Response.json(200, vector(1))).respond(Response.json(200, vector(2)));
        assertEquals(2, new KnowledgeIndex(embedder, store).update("s-1", List.of(weekends, formats)));
        assertEquals(2, store.vectors("s-1").size());
        assertEquals(512, store.vectors("s-1").get(EmbeddingVectors.key(EmbeddingVectors.text(formats))).length);
        assertEquals(0, new KnowledgeIndex(embedder, store).update("s-1", List.of(weekends, formats)), "unchanged texts are not embedded again");
        int before = stub.requests().size();

        stub.respond(Response.json(200, vector(2))); // the message is about formats
        List<KnowledgeEntry> top = new EmbeddingRetriever(embedder, store)
                .retrieve("s-1", "¿En qué formatos entregas?", null, List.of(weekends, formats), store.vectors("s-1"), 1);
        assertEquals(List.of(formats), top);
        assertEquals(before + 1, stub.requests().size(), "one InvokeModel per message");
    }

    @Test
    @DisplayName("quantized vectors keep the cosine order of the float vectors")
    void quantizing() {
        float[] a = {0.6f, 0.8f, 0f};
        float[] b = {0.8f, 0.6f, 0f};
        assertArrayEquals(new byte[]{95, 127, 0}, EmbeddingVectors.quantize(a));
        assertTrue(EmbeddingVectors.cosine(a, EmbeddingVectors.quantize(a)) > EmbeddingVectors.cosine(a, EmbeddingVectors.quantize(b)));
    }
}
