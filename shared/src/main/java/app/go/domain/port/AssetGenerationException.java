package app.go.domain.port;

/**
 * A generator could not produce the work. {@link Reason#REFUSED} and {@link Reason#NOT_CONFIGURED}
 * are final (retrying cannot help, the message is shown to the client as the FAILED reason);
 * {@link Reason#UNAVAILABLE} is worth another attempt.
 */
public final class AssetGenerationException extends RuntimeException {

    public enum Reason {
        /** The provider's content filter or policy refused the request. */
        REFUSED,
        /** No generator is configured for the media kind in this deployment (CM-GEN-8). */
        NOT_CONFIGURED,
        /** Throttled, timed out, 5xx or unreachable after the adapter's own retries. */
        UNAVAILABLE
    }

    private final Reason reason;

    public AssetGenerationException(Reason reason, String message) {
        this(reason, message, null);
    }

    public AssetGenerationException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public boolean retryable() {
        return reason == Reason.UNAVAILABLE;
    }
}
