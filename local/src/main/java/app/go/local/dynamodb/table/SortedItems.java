package app.go.local.dynamodb.table;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** Items by partition, each partition sorted; the storage of a table and of each of its indexes. */
public final class SortedItems {
    private final TreeMap<PartitionKey, TreeMap<SortKey, ObjectNode>> partitions = new TreeMap<>();
    private long count;

    public ObjectNode get(PartitionKey partition, SortKey sort) {
        TreeMap<SortKey, ObjectNode> items = partitions.get(partition);
        return items == null ? null : items.get(sort);
    }

    public ObjectNode put(PartitionKey partition, SortKey sort, ObjectNode item) {
        ObjectNode old = partitions.computeIfAbsent(partition, p -> new TreeMap<>()).put(sort, item);
        if (old == null) {
            count++;
        }
        return old;
    }

    public ObjectNode remove(PartitionKey partition, SortKey sort) {
        TreeMap<SortKey, ObjectNode> items = partitions.get(partition);
        if (items == null) {
            return null;
        }
        ObjectNode old = items.remove(sort);
        if (old != null) {
            count--;
            if (items.isEmpty()) {
                partitions.remove(partition);
            }
        }
        return old;
    }

    public long count() {
        return count;
    }

    /** One partition in order (or reverse), starting after {@code exclusiveStart} when given. */
    public Iterable<ObjectNode> partition(PartitionKey partition, boolean forward, SortKey exclusiveStart) {
        TreeMap<SortKey, ObjectNode> items = partitions.get(partition);
        if (items == null) {
            return List.of();
        }
        NavigableMap<SortKey, ObjectNode> view = forward ? items : items.descendingMap();
        if (exclusiveStart != null) {
            view = view.tailMap(exclusiveStart, false);
        }
        return view.values();
    }

    /** Every item, partition by partition, starting after the given key when given. */
    public Iterable<ObjectNode> all(PartitionKey startPartition, SortKey exclusiveStart) {
        NavigableMap<PartitionKey, TreeMap<SortKey, ObjectNode>> view = startPartition == null
                ? partitions : partitions.tailMap(startPartition, true);
        List<Iterable<ObjectNode>> parts = new ArrayList<>();
        for (Map.Entry<PartitionKey, TreeMap<SortKey, ObjectNode>> entry : view.entrySet()) {
            boolean first = startPartition != null && entry.getKey().equals(startPartition);
            parts.add(first && exclusiveStart != null ? entry.getValue().tailMap(exclusiveStart, false).values() : entry.getValue().values());
        }
        return () -> parts.stream().flatMap(p -> java.util.stream.StreamSupport.stream(p.spliterator(), false)).iterator();
    }
}
