package app.go.domain.billing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * BILL-11: a declined renewal is tried again 1, 3 and 7 days after the period's end; each attempt has its
 * own charge key (subscription + period + attempt). While retries remain the plan stays usable (a grace
 * period); when the last one is declined the plan ends and its features stop.
 */
public final class Dunning {
    /** When each attempt of a period runs, counted from the period's end: the renewal itself, then the retries. */
    public static final List<Duration> ATTEMPTS = List.of(Duration.ZERO, Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(7));

    private Dunning() {}

    /** The attempt a renewal now makes: one more than those declined. */
    public static int attempt(Subscription subscription) {
        return subscription.failedAttempts() + 1;
    }

    /** Whether a decline of {@code attempt} is the last one: the plan then ends. */
    public static boolean last(int attempt) {
        return attempt >= ATTEMPTS.size();
    }

    /** When the next attempt is due, or empty when none is left. */
    public static Optional<Instant> nextAttemptAt(Subscription subscription) {
        int index = subscription.failedAttempts();
        return index < ATTEMPTS.size() ? Optional.of(subscription.currentPeriodEnd().plus(ATTEMPTS.get(index))) : Optional.empty();
    }

    public static boolean attemptDue(Subscription subscription, Instant at) {
        return nextAttemptAt(subscription).map(t -> !t.isAfter(at)).orElse(false);
    }
}
