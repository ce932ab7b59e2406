package app.go.local.stepfunctions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that stands still until something waits on it; then it jumps straight to the target. */
final class VirtualTime extends Clock implements Waiter {
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private Instant now = START;

    @Override
    public synchronized Instant instant() {
        return now;
    }

    synchronized void advance(Duration amount) {
        now = now.plus(amount);
    }

    @Override
    public void waitUntil(Instant target) throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException();
        }
        synchronized (this) {
            if (now.isBefore(target)) {
                now = target;
            }
        }
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
