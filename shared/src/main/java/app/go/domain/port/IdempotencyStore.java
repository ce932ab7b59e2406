package app.go.domain.port;

import java.time.Duration;

/**
 * Exactly-once effects for at-least-once deliveries, keyed on a business key (conversation +
 * message, subscription + period, caller + Idempotency-Key), never on a transport id.
 */
public interface IdempotencyStore {

    /** What {@link #claim} found. */
    sealed interface Claim {
        /** This caller owns the key now and must {@link #complete} or {@link #release} it. */
        record Acquired() implements Claim {}

        /** The work was done before; {@code result} is what it returned (may be empty). */
        record AlreadyDone(String result) implements Claim {}

        /** Another attempt holds the key and has not finished; retry later. */
        record InProgress() implements Claim {}
    }

    /**
     * @param inProgressFor how long the claim protects unfinished work; after that a crashed attempt
     *                      is assumed dead and the key can be claimed again
     */
    Claim claim(String key, Duration inProgressFor);

    /** Marks the key done with a result to replay, kept for {@code keepFor}. */
    void complete(String key, String result, Duration keepFor);

    /** Gives the key up after a failure so a retry can claim it at once. */
    void release(String key);

    /** Thrown when a duplicate arrives while the first attempt is still running. */
    final class ConcurrentAttemptException extends RuntimeException {
        public ConcurrentAttemptException(String key) {
            super("another attempt for " + key + " is in progress");
        }
    }

    /**
     * Runs {@code work} once per key: a repeat returns the first result, a concurrent repeat throws
     * {@link ConcurrentAttemptException}, a failure releases the key for the next retry.
     */
    default String once(String key, Duration inProgressFor, Duration keepFor, java.util.function.Supplier<String> work) {
        Claim claim = claim(key, inProgressFor);
        if (claim instanceof Claim.AlreadyDone done) {
            return done.result();
        }
        if (claim instanceof Claim.InProgress) {
            throw new ConcurrentAttemptException(key);
        }
        String result;
        try {
            result = work.get();
        } catch (RuntimeException e) {
            release(key);
            throw e;
        }
        complete(key, result == null ? "" : result, keepFor);
        return result;
    }
}
