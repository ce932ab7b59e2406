package app.go.domain.creation;

/** A Creation Model's training state. */
public enum ModelStatus {
    DRAFT, TRAINING, READY, FAILED
}
