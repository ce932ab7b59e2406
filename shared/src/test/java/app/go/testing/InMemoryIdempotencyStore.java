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

    /** Remembers claims and results. */
    public InMemoryIdempotencyStore() {
        this(false);
    }

    private InMemoryIdempotencyStore(boolean forgetful) {
        this.forgetful = forgetful;
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
        if (previous == null) {
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
