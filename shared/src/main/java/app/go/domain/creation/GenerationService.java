package app.go.domain.creation;

import app.go.domain.port.CreationStore;
import app.go.domain.port.GenerationStore;
import app.go.domain.port.AssetGenerator;

import app.go.domain.billing.OrderPayment;
import app.go.domain.billing.PaymentMethod;
import app.go.domain.billing.ReservationSweeper;
import app.go.support.auth.Caller;
import app.go.domain.port.BlobStore;
import app.go.support.errors.DomainException;
import app.go.support.log.Log;
import app.go.domain.port.MessageQueue;

import java.time.Clock;
import java.util.function.Predicate;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * What a client does with a seller's published model: generate (watermarked drafts, CM-GEN-1),
 * buy, approve, download, revise once within 24 h of the download (CM-GEN-3), review only after a
 * revised delivery (CM-ORD-2/3); and what the seller sees of it (CM-GEN-5). Generations and orders
 * are the client's: anyone else, the seller included, gets a 404 (CM-GEN-4, CM-GEN-6).
 */
public final class GenerationService {
    public static final String CURRENCY = "USD";
    public static final int MAX_PROMPT_LENGTH = 2_000;
    /** A generation whose total would pass {@link Pricing#MAX_CENTS} (422, nothing written). */
    public static final String TOTAL_TOO_HIGH = "GENERATION_TOTAL_TOO_HIGH";

    private final CreationStore models;
    private final GenerationStore store;
    private final BlobStore blobs;
    private final MessageQueue queue;
    private final OrderPayment payments;
    private final OrderReservations orders;
    private final Clock clock;
    private final Predicate<String> sellerSubscribed;
    private final Predicate<MediaKind> generatable;

    /** Every seller counts as subscribed (rule tests that are not about billing). */
    public GenerationService(CreationStore models, GenerationStore store, BlobStore blobs, MessageQueue queue,
                             OrderPayment payments, Clock clock) {
        this(models, store, blobs, queue, payments, clock, sellerId -> true);
    }

    /**
     * @param sellerSubscribed whether the model's seller still has the CM subscription (BILL-6: after it
     *                         ends, generation stops); see {@code app.go.domain.billing.Entitlements}
     */
    public GenerationService(CreationStore models, GenerationStore store, BlobStore blobs, MessageQueue queue,
                             OrderPayment payments, Clock clock, Predicate<String> sellerSubscribed) {
        this(models, store, blobs, queue, payments, clock, sellerSubscribed, kind -> true);
    }

    /** @param generatable CM-GEN-8: the media kinds this deployment has a real generator for ({@link AssetGenerator#supports}) */
    public GenerationService(CreationStore models, GenerationStore store, BlobStore blobs, MessageQueue queue,
                             OrderPayment payments, Clock clock, Predicate<String> sellerSubscribed,
                             Predicate<MediaKind> generatable) {
        this.generatable = generatable;
        this.sellerSubscribed = sellerSubscribed;
        this.models = models;
        this.store = store;
        this.blobs = blobs;
        this.queue = queue;
        this.payments = payments;
        this.orders = new OrderReservations(store, payments, clock);
        this.clock = clock;
    }

    // ---- generations ---------------------------------------------------------------------------

    /**
     * Queues a generation with a published, active model at the model's price for {@code units}
     * (CM-PRC-1: the price includes one revision). A model the client cannot see is a 404.
     */
    public Generation request(Caller caller, String modelId, String prompt, int units) {
        return request(caller, modelId, prompt, units, null);
    }

    /** @param size the image size asked for, or null for the model's own (CM-GEN-8: images only, 400 otherwise) */
    public Generation request(Caller caller, String modelId, String prompt, int units, ImageSize size) {
        String clientId = caller.requireRole(Caller.Role.CLIENT).userId();
        String sellerId = store.sellerOfModel(modelId).orElseThrow(() -> DomainException.notFound("model " + modelId));
        Model model = models.model(sellerId, modelId).filter(Model::published)
                .orElseThrow(() -> DomainException.notFound("model " + modelId));
        ModelCatalog.requireShown(model);
        if (model.status() != ModelStatus.READY || model.pricing() == null
                || !models.activeModelIds(sellerId).contains(modelId) || !sellerSubscribed.test(sellerId)) {
            throw new DomainException(DomainException.Kind.CONFLICT, "MODEL_NOT_AVAILABLE",
                    "this model is not taking generations right now");
        }
        MediaKind kind = Subcategories.standard().require(model.subcategory()).mediaKind();
        GeneratorAvailability.require(generatable.test(kind), kind);
        ImageSize.requireFor(kind, size);
        long price = model.pricing().priceFor(units);
        if (price > Pricing.MAX_CENTS) {
            throw new DomainException(DomainException.Kind.RULE, TOTAL_TOO_HIGH, "a generation costs at most " + Pricing.MAX_CENTS
                    + " cents; this one would cost " + price + ": ask for fewer units");
        }
        Generation generation = Generation.requested(CreationService.newId("gen_"), sellerId, modelId, clientId, prompt,
                units, price, CURRENCY, clock.instant(), size);
        if (!store.createGeneration(generation)) {
            throw new DomainException(DomainException.Kind.CONFLICT, "CONFLICT", "generation id collision, retry");
        }
        enqueue(generation);
        Log.put("generationId", generation.id());
        return generation;
    }

    /** The client's own generation (a revision included). */
    public Generation generation(Caller caller, String generationId) {
        Generation generation = store.findGeneration(generationId)
                .orElseThrow(() -> DomainException.notFound("generation " + generationId));
        if (!caller.is(Caller.Role.CLIENT) || !generation.clientId().equals(caller.userId())) {
            throw DomainException.notFound("generation " + generationId);
        }
        return failIfStale(generation);
    }

    /** Issue 9: no generation stays PENDING forever; the conditional write lets a late worker's READY win. */
    private Generation failIfStale(Generation generation) {
        if (!generation.stale(clock.instant())) {
            return generation;
        }
        store.replaceGeneration(generation.failed(Generation.TIMED_OUT, clock.instant()), GenerationStatus.PENDING);
        return store.generation(generation.sellerId(), generation.id()).orElse(generation);
    }

    /** CM-GEN-1: the watermarked draft, to anyone who may see the generation. */
    public Delivery preview(Caller caller, String generationId) {
        Generation generation = generation(caller, generationId);
        if (generation.status() != GenerationStatus.READY) {
            throw notReady(generation);
        }
        byte[] content = blobs.get(generation.previewKey())
                .orElseThrow(() -> new IllegalStateException("preview of " + generationId + " is missing"));
        return new Delivery(Delivery.filename(generationId, generation.contentType(), "-preview"), generation.contentType(),
                content, true);
    }

    // ---- orders --------------------------------------------------------------------------------

    /**
     * Charges the client the generation's price and opens the order (BILL-13). The order's business key
     * ({@code order#<generation>}) is reserved before the card is charged and the charge's idempotency key
     * derives from it, never from the card: simultaneous purchases with different cards charge once and
     * return the same order. A seller who no longer has the Creation Model sells nothing (BILL-6, ELIG-3).
     */
    public CreationOrder purchase(Caller caller, String generationId, PaymentMethod method) {
        Generation generation = generation(caller, generationId);
        if (generation.isRevision()) {
            throw new DomainException(DomainException.Kind.CONFLICT, "ALREADY_PURCHASED",
                    "a revision belongs to order " + generation.orderId());
        }
        var existing = store.order(generation.sellerId(), CreationOrder.orderIdFor(generationId));
        if (existing.isPresent()) {
            return existing.get();
        }
        if (generation.status() != GenerationStatus.READY) {
            throw notReady(generation);
        }
        if (!sellerSubscribed.test(generation.sellerId())) {
            throw new DomainException(DomainException.Kind.CONFLICT, "MODEL_NOT_AVAILABLE", "this model is not selling right now");
        }
        OrderPayment.Result paid = payments.pay(OrderReservations.key(generationId), generation.clientId(), method, generation.priceCents(),
                clock.instant());
        if (paid.declined()) {
            throw new DomainException(DomainException.Kind.RULE, "PAYMENT_DECLINED", "the payment was declined: " + paid.declineReason());
        }
        return orders.open(generation, paid.chargeId());
    }

    /** The sweeper's owner of order reservations a crashed purchase left. */
    public ReservationSweeper.Owner orderReservations() {
        return orders;
    }

    /** The client's own order; anyone else, the seller included, gets a 404 (CM-GEN-4, CM-GEN-6). */
    public CreationOrder order(Caller caller, String orderId) {
        CreationOrder order = store.findOrder(orderId).orElseThrow(() -> DomainException.notFound("order " + orderId));
        if (!caller.is(Caller.Role.CLIENT) || !order.clientId().equals(caller.userId())) {
            throw DomainException.notFound("order " + orderId);
        }
        return order;
    }

    /** The client accepts the current delivery, once it is ready. */
    public CreationOrder approve(Caller caller, String orderId) {
        CreationOrder order = order(caller, orderId);
        if (order.approved()) {
            return order;
        }
        Generation delivery = delivery(order);
        if (delivery.status() != GenerationStatus.READY) {
            throw notReady(delivery);
        }
        return replace(order, order.approve(clock.instant()));
    }

    /** CM-GEN-1: the clean file, only once the order is paid and its current delivery approved. */
    public Delivery download(Caller caller, String orderId) {
        FinalFile file = finalFile(caller, orderId);
        byte[] content = blobs.get(file.key())
                .orElseThrow(() -> new IllegalStateException("final file of order " + orderId + " is missing"));
        return new Delivery(file.filename(), file.contentType(), content, false);
    }

    /** Where the clean final of an order lies, for a short-lived link to it ({@code FileLinks}). */
    public record FinalFile(String key, String filename, String contentType) {}

    /**
     * CM-GEN-1: the final of a paid, approved order, without reading it; the first call starts the
     * revision window (CM-GEN-3).
     */
    public FinalFile finalFile(Caller caller, String orderId) {
        CreationOrder order = order(caller, orderId);
        if (!order.paid() || !order.approved()) {
            throw new DomainException(DomainException.Kind.CONFLICT, "NOT_APPROVED_OR_UNPAID",
                    "the final file is available once the delivery is approved and paid");
        }
        Generation delivery = delivery(order);
        if (order.downloadedAt() == null && !store.replaceOrder(order.downloaded(clock.instant()), order.version())) {
            // a concurrent download recorded the time first; the window starts there
            Log.put("downloadRace", order.id());
        }
        return new FinalFile(delivery.finalKey(), Delivery.filename(delivery.id(), delivery.contentType(), ""),
                delivery.contentType());
    }

    /** PA-BEH-9: the generation's client rates it (READY ones only); a repeat replaces the earlier rating. */
    public GenerationFeedback giveFeedback(Caller caller, String generationId, GenerationFeedback.Rating rating, String comment) {
        Generation generation = generation(caller, generationId);
        if (generation.status() != GenerationStatus.READY) {
            throw notReady(generation);
        }
        GenerationFeedback feedback = new GenerationFeedback(generation.id(), generation.sellerId(), generation.modelId(),
                rating, comment, clock.instant());
        store.saveFeedback(feedback);
        return feedback;
    }

    /** PA-BEH-9: what clients said about the generations of one of the seller's models (404 for another's model). */
    public List<GenerationFeedback> feedback(String sellerId, String modelId) {
        models.model(sellerId, modelId).orElseThrow(() -> DomainException.notFound("model " + modelId));
        return store.feedback(sellerId).stream().filter(f -> f.modelId().equals(modelId)).toList();
    }

    /**
     * CM-GEN-3: one revision, asked for within 24 h of the download; it is generated like any
     * generation (same queue) and becomes the delivery the client approves next.
     */
    public Generation requestRevision(Caller caller, String orderId, String instructions) {
        CreationOrder order = order(caller, orderId);
        if (order.revised()) {
            throw new DomainException(DomainException.Kind.RULE, "REVISION_ALREADY_USED",
                    "the one revision included in the price was used");
        }
        Instant now = clock.instant();
        if (order.downloadedAt() == null) {
            throw new DomainException(DomainException.Kind.CONFLICT, "NOT_DOWNLOADED",
                    "a revision can be asked for after the download");
        }
        if (now.isAfter(order.downloadedAt().plus(CreationOrder.REVISION_WINDOW))) {
            throw new DomainException(DomainException.Kind.RULE, "REVISION_WINDOW_CLOSED",
                    "a revision can be asked for within 24 hours of the download");
        }
        Generation delivered = delivery(order);
        Generation revision = Generation.revisionOf(delivered, CreationService.newId("gen_"), order.id(), instructions, now);
        if (!store.createGeneration(revision)) {
            throw new DomainException(DomainException.Kind.CONFLICT, "CONFLICT", "generation id collision, retry");
        }
        try {
            replace(order, order.revising(revision.id(), now));
        } catch (DomainException lostRace) {
            // issue 9: a parallel revision won the order; this one must not stay PENDING without an owner
            store.replaceGeneration(revision.failed("another revision of this order was asked for first", now),
                    GenerationStatus.PENDING);
            throw lostRace;
        }
        enqueue(revision);
        return revision;
    }

    /**
     * CM-ORD-2/3: a rating only for an approved delivery that had a revision; a delivery accepted
     * without changes cannot be reviewed.
     */
    public CreationOrder review(Caller caller, String orderId, int rating, String text) {
        CreationOrder order = order(caller, orderId);
        if (rating < 1 || rating > 5) {
            throw DomainException.validation("rating must be between 1 and 5");
        }
        if (!order.revised() || !order.approved()) {
            throw new DomainException(DomainException.Kind.RULE, "REVIEW_NOT_ALLOWED",
                    "only a delivery approved after a revision can be reviewed");
        }
        if (order.reviewed()) {
            throw new DomainException(DomainException.Kind.CONFLICT, "ALREADY_REVIEWED", "this order has a review");
        }
        return replace(order, order.review(rating, text, clock.instant()));
    }

    /**
     * CM-ORD-4: AI-generated assets are never refunded in full. Partial refunds of orders that
     * also contain other work go through the resolution centre, which is not part of this API.
     */
    public void refund(Caller caller, String orderId) {
        order(caller, orderId);
        throw new DomainException(DomainException.Kind.RULE, "NO_FULL_REFUND_FOR_AI",
                "AI-generated assets are not refunded in full; partial refunds go through the resolution centre");
    }

    // ---- the seller's side ---------------------------------------------------------------------

    /** CM-GEN-5: what clients bought through the seller's models, newest first. */
    public List<CreationOrder> creations(String sellerId) {
        return store.orders(sellerId).stream()
                .sorted(Comparator.comparing(CreationOrder::createdAt).reversed().thenComparing(CreationOrder::id))
                .toList();
    }

    // ---- helpers -------------------------------------------------------------------------------

    private void enqueue(Generation generation) {
        try {
            queue.send(new GenerationRequested(generation.sellerId(), generation.id()), generation.id(), generation.id());
        } catch (RuntimeException e) {
            store.replaceGeneration(generation.failed("the generation could not be queued", clock.instant()),
                    GenerationStatus.PENDING);
            throw e;
        }
    }

    private Generation delivery(CreationOrder order) {
        return store.generation(order.sellerId(), order.deliveryGenerationId())
                .orElseThrow(() -> new IllegalStateException("delivery of order " + order.id() + " is missing"));
    }

    private CreationOrder replace(CreationOrder current, CreationOrder updated) {
        if (!store.replaceOrder(updated, current.version())) {
            throw new DomainException(DomainException.Kind.CONFLICT, "ORDER_CHANGED",
                    "the order changed meanwhile; reload it and retry");
        }
        return updated;
    }

    private static DomainException notReady(Generation generation) {
        return new DomainException(DomainException.Kind.CONFLICT, "GENERATION_NOT_READY",
                "generation " + generation.id() + " is " + generation.status());
    }
}
