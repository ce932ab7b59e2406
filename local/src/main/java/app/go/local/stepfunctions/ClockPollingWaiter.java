package app.go.local.stepfunctions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Waits by polling a clock at a short real interval, so a clock that is moved forward (an
 * {@code AdjustableClock}) releases the wait within one poll, and one that runs with real time
 * releases it when the time comes.
 */
public final class ClockPollingWaiter implements Waiter {
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(20);

    private final Clock clock;
    private final long pollMillis;

    public ClockPollingWaiter(Clock clock) {
        this(clock, DEFAULT_POLL_INTERVAL);
    }

    public ClockPollingWaiter(Clock clock, Duration pollInterval) {
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("pollInterval must be positive");
        }
        this.clock = clock;
        this.pollMillis = Math.max(1, pollInterval.toMillis());
    }

    @Override
    public void waitUntil(Instant target) throws InterruptedException {
        Instant now;
        while ((now = clock.instant()).isBefore(target)) {
            long remaining = Duration.between(now, target).toMillis();
            Thread.sleep(Math.max(1, Math.min(remaining, pollMillis)));
        }
    }
}
