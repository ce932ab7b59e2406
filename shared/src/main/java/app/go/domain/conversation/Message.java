package app.go.domain.conversation;

import java.time.Instant;

public record Message(String messageId, String conversationId, Author author, String text, String language,
                      Instant createdAt) {}
