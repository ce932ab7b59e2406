package app.go.local.stepfunctions;

import java.time.Instant;

/** Blocks until a clock reaches an instant; Wait states and Retry backoff go through it. */
public interface Waiter {

    void waitUntil(Instant target) throws InterruptedException;
}
