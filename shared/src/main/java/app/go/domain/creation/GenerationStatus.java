package app.go.domain.creation;

/** Where a client's generation stands: queued, done (preview and final stored) or given up. */
public enum GenerationStatus {
    PENDING, READY, FAILED
}
