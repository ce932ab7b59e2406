package app.go.domain.creation;

import java.time.Duration;
import java.time.Instant;

/**
 * A client's purchase of a generation: paid when created, then approved, downloaded, maybe revised
 * once and reviewed. The client owns the delivery (CM-GEN-6); it lives in the seller's partition
 * but only the client reaches its file (CM-GEN-4). {@code deliveryGenerationId} is what the order
 * currently delivers: the bought generation, or its revision once one was asked for.
 * {@code countsTowardSellerStats} is false for every AI-generated order (CM-ORD-1): whatever happens
 * to it, the seller's success score and completion rate ignore it. {@code version} guards every
 * change (optimistic concurrency).
 */
public record CreationOrder(String id, String sellerId, String modelId, String clientId, String generationId,
                            String deliveryGenerationId, long priceCents, String currency, String chargeId,
                            Instant approvedAt, Instant downloadedAt, String revisionGenerationId,
                            Instant revisionRequestedAt, int rating, String reviewText, Instant reviewedAt,
                            boolean countsTowardSellerStats, long version, Instant createdAt, Instant updatedAt) {

    /** CM-GEN-3: a revision may be asked for within 24 h of the download. */
    public static final Duration REVISION_WINDOW = Duration.ofHours(24);

    public enum Status { AWAITING_APPROVAL, REVISION_REQUESTED, APPROVED }

    /** The order of a paid generation; its id follows from the generation's, so a repeated purchase finds it. */
    public static CreationOrder paid(Generation bought, String chargeId, Instant now) {
        return new CreationOrder(orderIdFor(bought.id()), bought.sellerId(), bought.modelId(), bought.clientId(),
                bought.id(), bought.id(), bought.priceCents(), bought.currency(), chargeId, null, null, null, null, 0,
                null, null, false, 1, now, now);
    }

    public static String orderIdFor(String generationId) {
        int separator = generationId.indexOf('_');
        return "ord_" + (separator < 0 ? generationId : generationId.substring(separator + 1));
    }

    public Status status() {
        if (approvedAt != null) {
            return Status.APPROVED;
        }
        return revisionGenerationId == null ? Status.AWAITING_APPROVAL : Status.REVISION_REQUESTED;
    }

    public boolean paid() {
        return chargeId != null;
    }

    public boolean approved() {
        return approvedAt != null;
    }

    public boolean revised() {
        return revisionGenerationId != null;
    }

    public boolean reviewed() {
        return reviewedAt != null;
    }

    public CreationOrder approve(Instant now) {
        return new CreationOrder(id, sellerId, modelId, clientId, generationId, deliveryGenerationId, priceCents, currency,
                chargeId, now, downloadedAt, revisionGenerationId, revisionRequestedAt, rating, reviewText, reviewedAt,
                countsTowardSellerStats, version + 1, createdAt, now);
    }

    /** Remembers the first download: the revision window starts there. */
    public CreationOrder downloaded(Instant now) {
        return new CreationOrder(id, sellerId, modelId, clientId, generationId, deliveryGenerationId, priceCents, currency,
                chargeId, approvedAt, downloadedAt == null ? now : downloadedAt, revisionGenerationId, revisionRequestedAt,
                rating, reviewText, reviewedAt, countsTowardSellerStats, version + 1, createdAt, now);
    }

    /** The revision becomes the delivery, which the client has to approve again. */
    public CreationOrder revising(String revisionId, Instant now) {
        return new CreationOrder(id, sellerId, modelId, clientId, generationId, revisionId, priceCents, currency,
                chargeId, null, downloadedAt, revisionId, now, rating, reviewText, reviewedAt, countsTowardSellerStats,
                version + 1, createdAt, now);
    }

    public CreationOrder review(int stars, String text, Instant now) {
        return new CreationOrder(id, sellerId, modelId, clientId, generationId, deliveryGenerationId, priceCents, currency,
                chargeId, approvedAt, downloadedAt, revisionGenerationId, revisionRequestedAt, stars, text, now,
                countsTowardSellerStats, version + 1, createdAt, now);
    }
}
