package app.go.support.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that runs with real time from an offset that can be set or moved forward, like a payment
 * provider's test clock. The local runtime drives every timer, Wait state and schedule from it.
 */
public final class AdjustableClock extends Clock {
    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public AdjustableClock(Clock base) {
        this.base = base;
    }

    public static AdjustableClock systemUtc() {
        return new AdjustableClock(Clock.systemUTC());
    }

    /** Sets the current time; time goes on running from there. */
    public void set(Instant at) {
        offset.set(Duration.between(base.instant(), at));
    }

    /** Moves time forward; a negative amount is refused (timers never run backwards). */
    public void advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward");
        }
        offset.updateAndGet(o -> o.plus(amount));
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (zone.equals(ZoneOffset.UTC)) {
            return this;
        }
        throw new IllegalArgumentException("AdjustableClock is UTC only; convert instants to a zone where needed");
    }
}
