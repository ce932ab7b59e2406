package app.go.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Items of one kind under their seller and id, in the order first stored: the in-memory form of a
 * table's seller partition. Not thread-safe on its own; the fake that owns it locks.
 */
final class SellerItems<T> {
    private final Map<String, T> items = new LinkedHashMap<>();
    private final Function<T, String> sellerOf;
    private final Function<T, String> idOf;

    SellerItems(Function<T, String> sellerOf, Function<T, String> idOf) {
        this.sellerOf = sellerOf;
        this.idOf = idOf;
    }

    void put(T item) {
        items.put(key(item), item);
    }

    /** @return false, storing nothing, when an item with that seller and id exists */
    boolean putIfAbsent(T item) {
        return items.putIfAbsent(key(item), item) == null;
    }

    Optional<T> get(String sellerId, String id) {
        return Optional.ofNullable(items.get(sellerId + "/" + id));
    }

    /** By id alone, whatever the seller, like a public-id index. */
    Optional<T> withId(String id) {
        return items.values().stream().filter(item -> idOf.apply(item).equals(id)).findFirst();
    }

    List<T> of(String sellerId) {
        return items.values().stream().filter(item -> sellerOf.apply(item).equals(sellerId)).toList();
    }

    List<T> all() {
        return List.copyOf(items.values());
    }

    /**
     * A conditional write: stores {@code next} of the stored item when {@code expected} holds for it.
     *
     * @return false, changing nothing, when there is no such item or it moved on
     */
    boolean replace(String sellerId, String id, Predicate<T> expected, UnaryOperator<T> next) {
        T stored = items.get(sellerId + "/" + id);
        if (stored == null || !expected.test(stored)) {
            return false;
        }
        put(next.apply(stored));
        return true;
    }

    void remove(String sellerId, String id) {
        items.remove(sellerId + "/" + id);
    }

    private String key(T item) {
        return sellerOf.apply(item) + "/" + idOf.apply(item);
    }
}
