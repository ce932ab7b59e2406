package app.go.domain.creation;

import java.time.Instant;

/**
 * One piece of work a client asked a seller's published model for. It lives in the seller's
 * partition (the model's owner) and records the client who asked. A revision is a generation too:
 * it carries the order it revises and costs nothing (CM-PRC-1: the price includes one revision).
 * The bytes are in the blob store under {@link #previewKey} (watermarked, CM-GEN-1) and
 * {@link #finalKey} (clean, released only through a paid and approved order).
 */
public record Generation(String id, String sellerId, String modelId, String clientId, String prompt, String instructions,
                         int units, long priceCents, String currency, GenerationStatus status, String orderId,
                         String contentType, String failureReason, Instant createdAt, Instant updatedAt, ImageSize size) {

    /** A generation without a requested size (the model's aspect, long side 1024), as records before sizes were. */
    public Generation(String id, String sellerId, String modelId, String clientId, String prompt, String instructions,
                      int units, long priceCents, String currency, GenerationStatus status, String orderId,
                      String contentType, String failureReason, Instant createdAt, Instant updatedAt) {
        this(id, sellerId, modelId, clientId, prompt, instructions, units, priceCents, currency, status, orderId,
                contentType, failureReason, createdAt, updatedAt, null);
    }

    public static Generation requested(String id, String sellerId, String modelId, String clientId, String prompt,
                                       int units, long priceCents, String currency, Instant now) {
        return requested(id, sellerId, modelId, clientId, prompt, units, priceCents, currency, now, null);
    }

    /** @param size the requested image size, or null for the model's own */
    public static Generation requested(String id, String sellerId, String modelId, String clientId, String prompt,
                                       int units, long priceCents, String currency, Instant now, ImageSize size) {
        return new Generation(id, sellerId, modelId, clientId, prompt, null, units, priceCents, currency,
                GenerationStatus.PENDING, null, null, null, now, now, size);
    }

    /** The revision of an order's delivery: same model, prompt and size, the client's instructions, no charge. */
    public static Generation revisionOf(Generation delivered, String id, String orderId, String instructions, Instant now) {
        return new Generation(id, delivered.sellerId(), delivered.modelId(), delivered.clientId(), delivered.prompt(),
                instructions, delivered.units(), 0, delivered.currency(), GenerationStatus.PENDING, orderId, null, null,
                now, now, delivered.size());
    }

    public Generation ready(String producedContentType, Instant now) {
        return new Generation(id, sellerId, modelId, clientId, prompt, instructions, units, priceCents, currency,
                GenerationStatus.READY, orderId, producedContentType, null, createdAt, now, size);
    }

    public Generation failed(String reason, Instant now) {
        return new Generation(id, sellerId, modelId, clientId, prompt, instructions, units, priceCents, currency,
                GenerationStatus.FAILED, orderId, contentType, reason, createdAt, now, size);
    }

    /**
     * Issue 9: a generation PENDING this long lost its worker for good (longer than every delivery
     * of the generations queue with its visibility timeouts); the next read fails it with a reason.
     */
    public static final java.time.Duration STALE_AFTER = java.time.Duration.ofHours(1);
    public static final String TIMED_OUT = "the generation did not finish in time; nothing was charged, please try again";

    public boolean stale(Instant now) {
        return status == GenerationStatus.PENDING && updatedAt != null && now.isAfter(updatedAt.plus(STALE_AFTER));
    }

    public boolean isRevision() {
        return orderId != null;
    }

    /** What the model is asked for: the prompt, and for a revision the client's instructions too. */
    public String effectivePrompt() {
        return instructions == null ? prompt : prompt + "\nRevision: " + instructions;
    }

    public String previewKey() {
        return previewKey(sellerId, id);
    }

    public String finalKey() {
        return finalKey(sellerId, id);
    }

    public static String previewKey(String sellerId, String generationId) {
        return "sellers/" + sellerId + "/generations/" + generationId + "/preview";
    }

    public static String finalKey(String sellerId, String generationId) {
        return "sellers/" + sellerId + "/generations/" + generationId + "/final";
    }
}
