package app.go.domain.creation;

/**
 * The training assets cannot train the model (wrong media kind, audio too short, unreadable or
 * missing). The class name is the error name Step Functions' Catch records for the FAIL step.
 */
public final class AssetValidationFailedException extends RuntimeException {
    public AssetValidationFailedException(String message) {
        super(message);
    }
}
