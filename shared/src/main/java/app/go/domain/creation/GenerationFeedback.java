package app.go.domain.creation;

import java.time.Instant;

/**
 * PA-BEH-9: the client's thumbs up or down, with an optional comment, on one of their generated
 * assets; one per generation (a repeat replaces it). The seller reads it per model, without the client.
 */
public record GenerationFeedback(String generationId, String sellerId, String modelId, Rating rating, String comment,
                                 Instant at) {
    public static final int MAX_COMMENT_LENGTH = 1_000;

    public enum Rating { UP, DOWN }
}
