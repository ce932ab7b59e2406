package app.go.assistant.fakes;

import app.go.shared.idempotency.IdempotencyStore;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** An IdempotencyStore in memory (claims never expire), for unit tests. */
public final class InMemoryIdempotencyStore implements IdempotencyStore {
    private static final String IN_PROGRESS = "\u0000in-progress";
    private final Map<String, String> keys = new HashMap<>();

    @Override
    public synchronized Claim claim(String key, Duration inProgressFor) {
        String current = keys.get(key);
        if (current == null) {
            keys.put(key, IN_PROGRESS);
            return new Claim.Acquired();
        }
        return IN_PROGRESS.equals(current) ? new Claim.InProgress() : new Claim.AlreadyDone(current);
    }

    @Override
    public synchronized void complete(String key, String result, Duration keepFor) {
        keys.put(key, result);
    }

    @Override
    public synchronized void release(String key) {
        keys.remove(key);
    }

    public synchronized boolean done(String key) {
        return keys.containsKey(key) && !IN_PROGRESS.equals(keys.get(key));
    }
}
