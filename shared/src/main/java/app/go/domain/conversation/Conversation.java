package app.go.domain.conversation;

import java.time.Instant;

/**
 * A conversation between a client and a seller about a service.
 *
 * @param newClient true when the client had neither an order nor an earlier conversation with the
 *                  seller at the start (PA-ACT-1: only new clients are answered by the assistant)
 */
public record Conversation(String conversationId, String sellerId, String clientId, String serviceId,
                           Instant createdAt, Instant lastActivityAt, boolean newClient, HandledBy handledBy) {

    public boolean takenOverBySeller() {
        return handledBy == HandledBy.SELLER;
    }
}
