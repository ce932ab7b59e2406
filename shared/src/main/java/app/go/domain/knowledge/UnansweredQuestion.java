package app.go.domain.knowledge;

import java.time.Instant;

/** PA-KB-3: a client's question the assistant could not answer from the seller's sources. */
public record UnansweredQuestion(String conversationId, String messageId, String text, String language, Instant at) {}
