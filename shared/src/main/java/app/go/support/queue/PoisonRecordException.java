package app.go.support.queue;

/** A queue record that can never be processed (unparseable, unknown schema version, a field missing): retrying cannot help. */
public final class PoisonRecordException extends RuntimeException {
    public PoisonRecordException(String reason) {
        super(reason);
    }

    public PoisonRecordException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
