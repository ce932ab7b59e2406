package app.go.testing;

import app.go.shared.idempotency.IdempotencyStore;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** IdempotencyStore in memory (no expiry), for rule tests. */
public final class InMemoryIdempotencyStore implements IdempotencyStore {
    private static final String IN_PROGRESS = "\u0000in-progress";
    private final Map<String, String> records = new ConcurrentHashMap<>();

    @Override
    public Claim claim(String key, Duration inProgressFor) {
        String previous = records.putIfAbsent(key, IN_PROGRESS);
        if (previous == null) {
            return new Claim.Acquired();
        }
        return IN_PROGRESS.equals(previous) ? new Claim.InProgress() : new Claim.AlreadyDone(previous);
    }

    @Override
    public void complete(String key, String result, Duration keepFor) {
        records.put(key, result);
    }

    @Override
    public void release(String key) {
        records.remove(key, IN_PROGRESS);
    }
}
