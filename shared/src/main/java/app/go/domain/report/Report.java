package app.go.domain.report;

import java.time.Instant;

/**
 * A "report a problem" (CM-GEN-7) about a model, a generation or a conversation. It is kept in the
 * partition of the seller the target belongs to, for the marketplace's trust and safety team; the
 * seller has no route to read it.
 */
public record Report(String id, String sellerId, TargetType targetType, String targetId, String reporterId,
                     String reporterRole, String reason, Instant createdAt) {

    public enum TargetType { MODEL, GENERATION, CONVERSATION }
}
