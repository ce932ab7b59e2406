package app.go.local.dynamodb.faults;

import java.time.Duration;

/**
 * What an injected fault does to a call: answer with an error instead of running it, or run it late.
 *
 * <ul>
 *   <li>{@link #THROTTLE}: 400 {@code ProvisionedThroughputExceededException} (the SDK retries it);</li>
 *   <li>{@link #THROTTLING}: 400 {@code ThrottlingException} (the SDK retries it);</li>
 *   <li>{@link #INTERNAL_ERROR}: 500 {@code InternalServerError} (the SDK retries it);</li>
 *   <li>{@link #TRANSACTION_CONFLICT}: 400 {@code TransactionCanceledException} whose every reason is
 *       {@code TransactionConflict}, as when another transaction holds an item (meant for TransactWriteItems);</li>
 *   <li>{@link #delay(Duration)}: the call runs normally after sleeping that long.</li>
 * </ul>
 */
public record Fault(Kind kind, Duration delay) {
    public enum Kind { THROTTLE, THROTTLING, INTERNAL_ERROR, TRANSACTION_CONFLICT, DELAY }

    public static final Fault THROTTLE = new Fault(Kind.THROTTLE, Duration.ZERO);
    public static final Fault THROTTLING = new Fault(Kind.THROTTLING, Duration.ZERO);
    public static final Fault INTERNAL_ERROR = new Fault(Kind.INTERNAL_ERROR, Duration.ZERO);
    public static final Fault TRANSACTION_CONFLICT = new Fault(Kind.TRANSACTION_CONFLICT, Duration.ZERO);

    public static Fault delay(Duration delay) {
        return new Fault(Kind.DELAY, delay);
    }
}
