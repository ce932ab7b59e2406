package app.go.domain.conversation;

import java.time.Instant;

/**
 * PA-BEH-9: a thumbs up or down, with an optional comment, by the conversation's client or seller on
 * one of the assistant's replies; one per user and message (a repeat replaces it).
 */
public record MessageFeedback(String messageId, String userId, String role, Rating rating, String comment, Instant at) {
    public static final int MAX_COMMENT_LENGTH = 1_000;

    public enum Rating { UP, DOWN }
}
