package app.go.domain.seller;

import java.time.Instant;

/** Something the seller is told about (PA-BEH-4, ELIG-3, BILL-3, ...). */
public record Notification(String id, String type, String conversationId, Instant createdAt) {}
