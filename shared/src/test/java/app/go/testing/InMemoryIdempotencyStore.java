package app.go.testing;

import app.go.domain.port.IdempotencyStore;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * IdempotencyStore in memory; claims never expire. {@link #forgetful()} grants every claim and keeps
 * nothing, to prove that the other exactly-once layers hold on their own.
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {
    private static final String IN_PROGRESS = "\u0000in-progress";
    private final Map<String, String> records = new HashMap<>();
    private final boolean forgetful;
    /** When set, an in-progress claim expires like the table's (a crashed attempt's claim can be taken again). */
    private final java.time.Clock clock;
    private final Map<String, java.time.Instant> claimExpiries = new HashMap<>();

    /** Remembers claims and results. */
    public InMemoryIdempotencyStore() {
        this(false);
    }

    private InMemoryIdempotencyStore(boolean forgetful) {
        this(forgetful, null);
    }

    private InMemoryIdempotencyStore(boolean forgetful, java.time.Clock clock) {
        this.forgetful = forgetful;
        this.clock = clock;
    }

    /** Remembers, and lets an in-progress claim expire after its {@code inProgressFor} on this clock. */
    public static InMemoryIdempotencyStore expiring(java.time.Clock clock) {
        return new InMemoryIdempotencyStore(false, clock);
    }

    public static InMemoryIdempotencyStore remembering() {
        return new InMemoryIdempotencyStore(false);
    }

    public static InMemoryIdempotencyStore forgetful() {
        return new InMemoryIdempotencyStore(true);
    }

    @Override
    public synchronized Claim claim(String key, Duration inProgressFor) {
        if (forgetful) {
            return new Claim.Acquired();
        }
        String previous = records.putIfAbsent(key, IN_PROGRESS);
        if (previous != null && IN_PROGRESS.equals(previous) && clock != null
                && !clock.instant().isBefore(claimExpiries.get(key))) {
            previous = null; // the attempt holding it died; its claim expired
        }
        if (previous == null) {
            if (clock != null) {
                claimExpiries.put(key, clock.instant().plus(inProgressFor));
            }
            return new Claim.Acquired();
        }
        return IN_PROGRESS.equals(previous) ? new Claim.InProgress() : new Claim.AlreadyDone(previous);
    }

    @Override
    public synchronized void complete(String key, String result, Duration keepFor) {
        if (!forgetful) {
            records.put(key, result);
        }
    }

    @Override
    public synchronized void release(String key) {
        records.remove(key, IN_PROGRESS);
    }

    /** Whether the work under this key completed. */
    public synchronized boolean done(String key) {
        String record = records.get(key);
        return record != null && !IN_PROGRESS.equals(record);
    }
}
