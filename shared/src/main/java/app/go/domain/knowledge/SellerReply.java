package app.go.domain.knowledge;

import java.time.Instant;

/**
 * A seller's own reply in a conversation, with the client message it answered: the source of
 * suggested entries (PA-KB-3) and of the seller's tone (PA-SRC-3).
 */
public record SellerReply(String conversationId, String messageId, String serviceId, String question, String answer,
                          Instant at) {}
