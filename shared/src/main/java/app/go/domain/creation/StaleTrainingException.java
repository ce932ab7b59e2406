package app.go.domain.creation;

/**
 * A pipeline step ran for a training that is no longer the model's current one (a newer training
 * started, or the model is gone). The FAIL step that follows changes nothing for it.
 */
public final class StaleTrainingException extends RuntimeException {
    public StaleTrainingException(String message) {
        super(message);
    }
}
