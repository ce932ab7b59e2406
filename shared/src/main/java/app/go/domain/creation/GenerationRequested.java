package app.go.domain.creation;

/** The generations queue's message: which generation to produce (a business id, so redelivery is harmless). */
public record GenerationRequested(String sellerId, String generationId) {}
