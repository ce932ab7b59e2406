package app.go.domain.conversation;

import java.time.Instant;

/**
 * A conversation between a client and a seller about a service.
 *
 * @param newClient true when the client had neither an order nor an earlier conversation with the
 *                  seller at the start (PA-ACT-1: only new clients are answered by the assistant)
 * @param generationId CM-GEN-3: the generation the client contacted the seller about, or null
 */
public record Conversation(String conversationId, String sellerId, String clientId, String serviceId,
                           Instant createdAt, Instant lastActivityAt, boolean newClient, HandledBy handledBy,
                           String generationId) {

    /** A conversation about a service, not about a generation. */
    public Conversation(String conversationId, String sellerId, String clientId, String serviceId,
                        Instant createdAt, Instant lastActivityAt, boolean newClient, HandledBy handledBy) {
        this(conversationId, sellerId, clientId, serviceId, createdAt, lastActivityAt, newClient, handledBy, null);
    }

    public boolean takenOverBySeller() {
        return handledBy == HandledBy.SELLER;
    }
}
