package app.go.local.dynamodb.table;

import app.go.local.dynamodb.value.Values;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * The order of items inside one partition: the range key, then (in an index) the table's keys so
 * that index entries with equal index keys stay distinct. Shorter lists sort first.
 */
public record SortKey(List<JsonNode> parts) implements Comparable<SortKey> {
    public static final SortKey NONE = new SortKey(List.of());

    @Override
    public int compareTo(SortKey other) {
        int common = Math.min(parts.size(), other.parts.size());
        for (int i = 0; i < common; i++) {
            int order = Values.compare(parts.get(i), other.parts.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(parts.size(), other.parts.size());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SortKey key && compareTo(key) == 0;
    }

    @Override
    public int hashCode() {
        int hash = 1;
        for (JsonNode part : parts) {
            hash = 31 * hash + PartitionKey.hash(part);
        }
        return hash;
    }
}
