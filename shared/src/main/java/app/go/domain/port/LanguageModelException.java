package app.go.domain.port;

/** The model could not answer; {@link Reason} says whether a later retry may help. */
public class LanguageModelException extends RuntimeException {

    public enum Reason {
        /** Too many requests; retried with backoff before this is thrown. */
        THROTTLED(true),
        /** The request was rejected as invalid (bad model id, prompt too long, ...). */
        INVALID_REQUEST(false),
        /** Access to the model is denied or the model is not enabled. */
        ACCESS_DENIED(false),
        /** The service failed or timed out. */
        UNAVAILABLE(true),
        /** The model answered, twice, without a valid structured turn; nothing of it is used. */
        INVALID_RESPONSE(true);

        private final boolean retryable;

        Reason(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    private final Reason reason;

    public LanguageModelException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
