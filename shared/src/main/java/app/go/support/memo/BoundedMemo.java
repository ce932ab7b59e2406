package app.go.support.memo;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers the results of a pure function of a text (safety rules, cue matching) for the life of
 * a container: a seller's profile and entries are checked on every message, but change rarely.
 * When full it starts over instead of tracking use, which keeps lookups lock-free.
 */
public final class BoundedMemo<K, V> {
    private final int capacity;
    private final Function<K, V> compute;
    private final Map<K, V> values = new ConcurrentHashMap<>();

    public BoundedMemo(int capacity, Function<K, V> compute) {
        this.capacity = capacity;
        this.compute = compute;
    }

    public V get(K key) {
        V known = values.get(key);
        if (known != null) {
            return known;
        }
        V value = compute.apply(key);
        if (values.size() >= capacity) {
            values.clear();
        }
        values.put(key, value);
        return value;
    }
}
