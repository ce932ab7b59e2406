package app.go.creation.domain;

import app.go.domain.billing.PaymentMethod;
import app.go.domain.creation.CreationOrder;
import app.go.domain.creation.Generation;
import app.go.domain.creation.GenerationRequested;
import app.go.domain.creation.GenerationService;
import app.go.domain.creation.GenerationWorker;
import app.go.domain.creation.Model;
import app.go.domain.creation.Pricing;
import app.go.domain.creation.TrainingPipeline;
import app.go.shared.ai.offline.OfflineAssetGenerator;
import app.go.shared.auth.Caller;
import app.go.shared.payments.offline.OfflinePaymentGateway;
import app.go.shared.time.AdjustableClock;
import app.go.testing.InMemoryBlobStore;
import app.go.testing.InMemoryCreationStore;
import app.go.testing.InMemoryGenerationStore;
import app.go.testing.InMemoryIdempotencyStore;
import app.go.testing.RecordingQueue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A seller ({@code s-1}) with a trained, priced ($15 per unit), published and active illustration
 * model, clients to use it, and the generations queue run by hand through the worker.
 */
final class GenerationFixture {
    static final String SELLER = "s-1";
    static final long UNIT_PRICE = 1_500;
    static final Caller CLIENT = new Caller("c-1", Caller.Role.CLIENT);
    static final Caller OTHER_CLIENT = new Caller("c-2", Caller.Role.CLIENT);
    static final Caller SELLER_CALLER = new Caller(SELLER, Caller.Role.SELLER);
    static final PaymentMethod CARD = new PaymentMethod(PaymentMethod.Type.CARD, "tok_visa");

    final AdjustableClock clock = new AdjustableClock(Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC));
    final InMemoryCreationStore models = new InMemoryCreationStore();
    final InMemoryGenerationStore store = new InMemoryGenerationStore(models);
    final InMemoryBlobStore blobs = new InMemoryBlobStore();
    final RecordingQueue queue = new RecordingQueue();
    final InMemoryIdempotencyStore idempotency = new InMemoryIdempotencyStore();
    final OfflinePaymentGateway payments = new OfflinePaymentGateway();
    final GenerationService service = new GenerationService(models, store, blobs, queue, payments, clock);
    final GenerationWorker worker = new GenerationWorker(models, store, blobs, new OfflineAssetGenerator(), idempotency, clock);
    final Model model;

    GenerationFixture() {
        model = readyModel("mdl_1", true, true);
    }

    /** A trained model with a style profile, priced, published and active as asked. */
    Model readyModel(String id, boolean published, boolean active) {
        Instant now = clock.instant();
        Model trained = Model.draft(id, SELLER, "ILLUSTRATION", now).training("trn_" + id, "Illustration #1", now).ready(now)
                .withPricing(Pricing.perUnit(UNIT_PRICE), now).withPublished(published, now);
        models.createModel(trained);
        blobs.put(TrainingPipeline.profileKey(SELLER, id, "trn_" + id),
                ("{\"trainingId\":\"trn_" + id + "\",\"style\":{\"meanRgb\":[200,120,40],\"meanAspect\":1.0}}")
                        .getBytes(StandardCharsets.UTF_8), "application/json");
        if (active) {
            models.activateModel(SELLER, id, 3);
        }
        return trained;
    }

    /** Delivers every queued message to the worker, the way the queue's consumer does. */
    void runQueue() {
        for (Object message : queue.drain()) {
            GenerationRequested requested = (GenerationRequested) message;
            worker.generate(requested.sellerId(), requested.generationId(), false);
        }
    }

    Generation readyGeneration(Caller client, String prompt) {
        Generation generation = service.request(client, model.id(), prompt, 1);
        runQueue();
        return service.generation(client, generation.id());
    }

    CreationOrder boughtAndApproved(Caller client, String prompt) {
        Generation generation = readyGeneration(client, prompt);
        CreationOrder order = service.purchase(client, generation.id(), CARD);
        return service.approve(client, order.id());
    }
}
