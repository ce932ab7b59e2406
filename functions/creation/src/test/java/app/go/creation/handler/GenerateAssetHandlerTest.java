package app.go.creation.handler;

import app.go.domain.port.AssetGenerator;
import app.go.domain.port.AssetGenerationException;
import app.go.domain.creation.GeneratedAsset;
import app.go.domain.creation.Generation;
import app.go.domain.creation.GenerationRequested;
import app.go.domain.creation.GenerationStatus;
import app.go.domain.creation.GenerationWorker;
import app.go.domain.creation.Model;
import app.go.domain.creation.Pricing;
import app.go.domain.creation.TrainingPipeline;
import app.go.adapter.offline.OfflineAssetGenerator;
import app.go.support.json.Json;
import app.go.testing.InMemoryBlobStore;
import app.go.testing.InMemoryCreationStore;
import app.go.testing.InMemoryGenerationStore;
import app.go.testing.InMemoryIdempotencyStore;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drives the handler with the SQS events the generations queue gives it. */
class GenerateAssetHandlerTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
    private final InMemoryCreationStore models = new InMemoryCreationStore();
    private final InMemoryGenerationStore store = new InMemoryGenerationStore(models);
    private final InMemoryBlobStore blobs = new InMemoryBlobStore();
    private final AtomicInteger generatorCalls = new AtomicInteger();
    private boolean generatorFails;
    private AssetGenerationException refusal;
    private final AssetGenerator counting = (model, profile, prompt, units) -> {
        generatorCalls.incrementAndGet();
        if (refusal != null) {
            throw refusal;
        }
        if (generatorFails) {
            throw new IllegalStateException("model endpoint unavailable");
        }
        return new OfflineAssetGenerator().generate(model, profile, prompt, units);
    };
    private final app.go.testing.RecordingDeadLetters deadLetters = new app.go.testing.RecordingDeadLetters();
    private final GenerateAssetHandler handler = new GenerateAssetHandler(
            new GenerationWorker(models, store, blobs, counting, new InMemoryIdempotencyStore(), clock), deadLetters);

    private Generation pending(String id) {
        Instant now = clock.instant();
        Model model = Model.draft("mdl_1", "s-1", "TATTOO", now).training("trn_1", "Tattoo #1", now).ready(now)
                .withPricing(Pricing.perUnit(2_000), now).withPublished(true, now);
        models.createModel(model);
        blobs.put(TrainingPipeline.profileKey("s-1", "mdl_1", "trn_1"),
                "{\"trainingId\":\"trn_1\",\"style\":{\"meanRgb\":[10,10,10]}}".getBytes(StandardCharsets.UTF_8), "application/json");
        Generation generation = Generation.requested(id, "s-1", "mdl_1", "c-1", "a rose", 1, 2_000, "USD", now);
        store.createGeneration(generation);
        return generation;
    }

    private static SQSEvent.SQSMessage record(String messageId, String body, int receiveCount) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(messageId);
        message.setBody(body);
        message.setAttributes(Map.of("ApproximateReceiveCount", String.valueOf(receiveCount)));
        return message;
    }

    private static SQSEvent event(SQSEvent.SQSMessage... records) {
        SQSEvent event = new SQSEvent();
        event.setRecords(new ArrayList<>(List.of(records)));
        return event;
    }

    private static String message(String generationId) {
        return Json.write(new GenerationRequested("s-1", generationId));
    }

    @Test
    @DisplayName("CM-GEN-1 a queued generation becomes READY with a watermarked preview and a clean final in the blob store")
    void generatesOnce() {
        pending("gen_1");
        SQSBatchResponse response = handler.handleRequest(event(record("m-1", message("gen_1"), 1)), null);

        assertTrue(response.getBatchItemFailures().isEmpty());
        assertEquals(GenerationStatus.READY, store.generation("s-1", "gen_1").orElseThrow().status());
        assertTrue(blobs.get(Generation.previewKey("s-1", "gen_1")).isPresent());
        assertTrue(blobs.get(Generation.finalKey("s-1", "gen_1")).isPresent());
        assertEquals(1, generatorCalls.get(), "the model is asked once; the preview is made from its work");
        assertFalse(java.util.Arrays.equals(blobs.get(Generation.previewKey("s-1", "gen_1")).orElseThrow(),
                blobs.get(Generation.finalKey("s-1", "gen_1")).orElseThrow()));
    }

    @Test
    @DisplayName("Exactly once: the same generation delivered twice (also in one batch, under other message ids) is produced once")
    void duplicatesAreHarmless() {
        pending("gen_1");
        handler.handleRequest(event(record("m-1", message("gen_1"), 1), record("m-2", message("gen_1"), 1)), null);
        SQSBatchResponse again = handler.handleRequest(event(record("m-3", message("gen_1"), 2)), null);

        assertTrue(again.getBatchItemFailures().isEmpty());
        assertEquals(1, generatorCalls.get());
        assertEquals(GenerationStatus.READY, store.generation("s-1", "gen_1").orElseThrow().status());
    }

    @Test
    @DisplayName("A failing record is reported for retry and the rest of the batch goes on (a malformed one goes to the dead-letter queue at once); on the last delivery it ends FAILED")
    void failuresAreReportedThenFailed() {
        pending("gen_1");
        generatorFails = true;
        SQSBatchResponse response = handler.handleRequest(event(record("m-1", message("gen_1"), 1),
                record("m-bad", "{not json", 1)), null);
        assertEquals(List.of("m-1"), response.getBatchItemFailures().stream()
                .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList());
        assertEquals(List.of("m-bad"), deadLetters.parked().stream().map(app.go.testing.RecordingDeadLetters.Parked::messageId).toList());
        assertEquals(GenerationStatus.PENDING, store.generation("s-1", "gen_1").orElseThrow().status());

        SQSBatchResponse last = handler.handleRequest(event(record("m-1", message("gen_1"), 5)), null);
        assertTrue(last.getBatchItemFailures().isEmpty());
        Generation failed = store.generation("s-1", "gen_1").orElseThrow();
        assertEquals(GenerationStatus.FAILED, failed.status());
        assertFalse(blobs.get(Generation.finalKey("s-1", "gen_1")).isPresent());
    }

    @Test
    @DisplayName("CM-GEN-8 a content-filter refusal fails the generation at once with the reason the client reads; no retry")
    void refusalFailsAtOnceWithItsReason() {
        pending("gen_1");
        refusal = new AssetGenerationException(AssetGenerationException.Reason.REFUSED,
                "the image model's content filter refused this request; describe the work differently");

        SQSBatchResponse response = handler.handleRequest(event(record("m-1", message("gen_1"), 1)), null);

        assertTrue(response.getBatchItemFailures().isEmpty(), "retrying a refusal cannot help");
        Generation failed = store.generation("s-1", "gen_1").orElseThrow();
        assertEquals(GenerationStatus.FAILED, failed.status());
        assertTrue(failed.failureReason().contains("content filter"), failed.failureReason());
        assertEquals(1, generatorCalls.get());
    }

    @Test
    @DisplayName("A message for an unknown generation is acknowledged without effect")
    void unknownGeneration() {
        SQSBatchResponse response = handler.handleRequest(event(record("m-1", message("gen_missing"), 1)), null);
        assertTrue(response.getBatchItemFailures().isEmpty());
        assertEquals(0, generatorCalls.get());
    }
}
