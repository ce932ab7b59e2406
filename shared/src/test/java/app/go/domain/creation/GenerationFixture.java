package app.go.domain.creation;

import app.go.domain.billing.PaymentMethod;
import app.go.domain.creation.CreationOrder;
import app.go.domain.creation.Generation;
import app.go.domain.creation.GenerationRequested;
import app.go.domain.creation.GenerationService;
import app.go.domain.creation.GenerationWorker;
import app.go.domain.creation.Model;
import app.go.domain.creation.Pricing;
import app.go.domain.creation.TrainingPipeline;
import app.go.adapter.offline.OfflineAssetGenerator;
import app.go.support.auth.Caller;
import app.go.adapter.offline.OfflinePaymentGateway;
import app.go.domain.billing.OrderPayment;
import app.go.testing.InMemoryBillingStore;
import app.go.support.time.AdjustableClock;
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
public final class GenerationFixture {
    public static final String SELLER = "s-1";
    public static final long UNIT_PRICE = 1_500;
    public static final Caller CLIENT = new Caller("c-1", Caller.Role.CLIENT);
    public static final Caller OTHER_CLIENT = new Caller("c-2", Caller.Role.CLIENT);
    public static final Caller SELLER_CALLER = new Caller(SELLER, Caller.Role.SELLER);
    public static final PaymentMethod CARD = new PaymentMethod(PaymentMethod.Type.CARD, "tok_visa");

    public final AdjustableClock clock = new AdjustableClock(Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC));
    public final InMemoryCreationStore models = new InMemoryCreationStore();
    public final InMemoryGenerationStore store = new InMemoryGenerationStore(models);
    public final InMemoryBlobStore blobs = new InMemoryBlobStore();
    public final RecordingQueue queue = new RecordingQueue();
    public final InMemoryIdempotencyStore idempotency = new InMemoryIdempotencyStore();
    public final OfflinePaymentGateway payments = new OfflinePaymentGateway();
    public final InMemoryBillingStore billing = new InMemoryBillingStore();
    public final OrderPayment orderPayment = new OrderPayment(billing, payments);
    public final GenerationService service = new GenerationService(models, store, blobs, queue, orderPayment, clock);
    public final GenerationWorker worker = new GenerationWorker(models, store, blobs, new OfflineAssetGenerator(), idempotency, clock);
    public final Model model;

    public GenerationFixture() {
        model = readyModel("mdl_1", true, true);
    }

    /** A trained model with a style profile, priced, published and active as asked. */
    public Model readyModel(String id, boolean published, boolean active) {
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
    public void runQueue() {
        for (Object message : queue.drain()) {
            GenerationRequested requested = (GenerationRequested) message;
            worker.generate(requested.sellerId(), requested.generationId(), false);
        }
    }

    public Generation readyGeneration(Caller client, String prompt) {
        Generation generation = service.request(client, model.id(), prompt, 1);
        runQueue();
        return service.generation(client, generation.id());
    }

    public CreationOrder boughtAndApproved(Caller client, String prompt) {
        Generation generation = readyGeneration(client, prompt);
        CreationOrder order = service.purchase(client, generation.id(), CARD);
        return service.approve(client, order.id());
    }
}
