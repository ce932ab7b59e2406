package app.go.domain.seller;

import java.time.Instant;

/**
 * Something the seller is told about (PA-BEH-4, ELIG-3, BILL-3, ...).
 *
 * @param summary the handoff brief's text on a HANDOFF or CLIENT_ASKED_FOR_SELLER notification (PA-BEH-5), else null
 */
public record Notification(String id, String type, String conversationId, Instant createdAt, String summary) {
    public Notification(String id, String type, String conversationId, Instant createdAt) {
        this(id, type, conversationId, createdAt, null);
    }
}
