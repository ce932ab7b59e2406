package app.go.domain.creation;

import app.go.domain.port.AssetGenerationException;
import app.go.domain.port.AssetGenerator;
import app.go.domain.port.CreationStore;
import app.go.domain.port.GenerationStore;

import app.go.domain.port.BlobStore;
import app.go.domain.port.IdempotencyStore;
import app.go.support.log.BusinessMetric;
import app.go.support.log.Log;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Produces a queued generation exactly once per generation id, however often the message comes:
 * the idempotency store lets one attempt at a time work on it, blobs are written under keys
 * derived from the id, and the status moves PENDING to READY with a conditional write. The model
 * is asked once; clients get the protected preview made from its work (CM-GEN-1, {@link Previews})
 * and the clean final is stored beside it for the order. A refusal (content filter, no generator
 * for the kind) fails the generation at once with a reason the client reads; an unavailable model
 * is retried by the queue, and its last delivery fails the generation.
 */
public final class GenerationWorker {
    private static final Log LOG = Log.get(GenerationWorker.class);
    private static final Duration IN_PROGRESS_FOR = Duration.ofMinutes(2);
    private static final Duration REMEMBER_FOR = Duration.ofDays(7);

    private final CreationStore models;
    private final GenerationStore store;
    private final BlobStore blobs;
    private final AssetGenerator generator;
    private final IdempotencyStore idempotency;
    private final Clock clock;

    public GenerationWorker(CreationStore models, GenerationStore store, BlobStore blobs, AssetGenerator generator,
                            IdempotencyStore idempotency, Clock clock) {
        this.models = models;
        this.store = store;
        this.blobs = blobs;
        this.generator = generator;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /**
     * @param lastAttempt true on the queue's last delivery: a failure then marks the generation
     *                    FAILED instead of leaving it PENDING for a retry that will not come
     * @return the generation's status after this attempt (empty when it does not exist)
     */
    public Optional<GenerationStatus> generate(String sellerId, String generationId, boolean lastAttempt) {
        Optional<Generation> found = store.generation(sellerId, generationId);
        if (found.isEmpty()) {
            LOG.warn("generation not found; nothing to do", "generationId", generationId);
            return Optional.empty();
        }
        if (found.get().status() != GenerationStatus.PENDING) {
            return Optional.of(found.get().status());
        }
        String result = idempotency.once("generation#" + sellerId + "#" + generationId, IN_PROGRESS_FOR, REMEMBER_FOR, () -> {
            Generation generation = store.generation(sellerId, generationId).orElseThrow();
            if (generation.status() != GenerationStatus.PENDING) {
                return generation.status().name();
            }
            try {
                return produce(generation).name();
            } catch (AssetGenerationException e) {
                if (!e.retryable()) {
                    LOG.warn("generation refused", "generationId", generationId, "reason", e.reason().name());
                    return fail(generation, e.getMessage()).name();
                }
                if (!lastAttempt) {
                    throw e;
                }
                LOG.error("generation failed on its last attempt", e, "generationId", generationId);
                return fail(generation, "the generation could not be produced: " + e.getMessage()).name();
            } catch (RuntimeException e) {
                if (!lastAttempt) {
                    throw e;
                }
                LOG.error("generation failed on its last attempt", e, "generationId", generationId);
                return fail(generation, "the generation could not be produced").name();
            }
        });
        return Optional.of(GenerationStatus.valueOf(result));
    }

    private GenerationStatus produce(Generation generation) {
        Model model = models.model(generation.sellerId(), generation.modelId()).orElse(null);
        if (model == null || model.trainingId() == null) {
            return fail(generation, "the model is no longer available");
        }
        byte[] profile = blobs.get(TrainingPipeline.profileKey(model.sellerId(), model.id(), model.trainingId()))
                .orElse(null);
        if (profile == null) {
            return fail(generation, "the model has no trained style");
        }
        GeneratedAsset clean = generator.generate(model, profile, generation.effectivePrompt(), generation.units(),
                generation.size());
        GeneratedAsset preview = Previews.protect(clean);
        blobs.put(generation.previewKey(), preview.content(), preview.contentType());
        blobs.put(generation.finalKey(), clean.content(), clean.contentType());
        Generation ready = generation.ready(clean.contentType(), clock.instant());
        if (!store.replaceGeneration(ready, GenerationStatus.PENDING)) {
            return store.generation(generation.sellerId(), generation.id()).map(Generation::status)
                    .orElse(GenerationStatus.FAILED);
        }
        Log.count(BusinessMetric.GENERATIONS);
        LOG.info("generation ready", "generationId", generation.id(), "bytes", clean.content().length);
        return GenerationStatus.READY;
    }

    private GenerationStatus fail(Generation generation, String reason) {
        if (store.replaceGeneration(generation.failed(reason, clock.instant()), GenerationStatus.PENDING)) {
            return GenerationStatus.FAILED;
        }
        return store.generation(generation.sellerId(), generation.id()).map(Generation::status).orElse(GenerationStatus.FAILED);
    }
}
