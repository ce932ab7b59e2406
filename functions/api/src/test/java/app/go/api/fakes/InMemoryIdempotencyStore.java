package app.go.api.fakes;

import app.go.shared.idempotency.IdempotencyStore;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Claims in memory; {@code forgetful()} always grants the claim, to prove the other exactly-once layers alone. */
public final class InMemoryIdempotencyStore implements IdempotencyStore {
    private final Map<String, String> done = new HashMap<>();
    private final Map<String, Boolean> inProgress = new HashMap<>();
    private final boolean forgetful;

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
        if (done.containsKey(key)) {
            return new Claim.AlreadyDone(done.get(key));
        }
        if (inProgress.containsKey(key)) {
            return new Claim.InProgress();
        }
        inProgress.put(key, true);
        return new Claim.Acquired();
    }

    @Override
    public synchronized void complete(String key, String result, Duration keepFor) {
        inProgress.remove(key);
        if (!forgetful) {
            done.put(key, result);
        }
    }

    @Override
    public synchronized void release(String key) {
        inProgress.remove(key);
    }
}
