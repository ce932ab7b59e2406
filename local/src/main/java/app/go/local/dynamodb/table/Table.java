package app.go.local.dynamodb.table;

import app.go.local.dynamodb.DynamoException;
import app.go.local.dynamodb.value.Values;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One table's items and its global secondary indexes, kept in step on every put and remove. Not
 * thread-safe: the engine serialises writers (see {@code Database}).
 */
public final class Table {
    static final int MAX_HASH_KEY_BYTES = 2048;
    static final int MAX_RANGE_KEY_BYTES = 1024;

    private final TableSchema schema;
    private final SortedItems items = new SortedItems();
    private final Map<String, SortedItems> indexes = new LinkedHashMap<>();
    private volatile String ttlAttribute;
    private long sizeBytes;

    public Table(TableSchema schema) {
        this.schema = schema;
        schema.indexes().forEach(index -> indexes.put(index.name(), new SortedItems()));
    }

    public TableSchema schema() {
        return schema;
    }

    public String ttlAttribute() {
        return ttlAttribute;
    }

    public void ttlAttribute(String attribute) {
        this.ttlAttribute = attribute;
    }

    public long itemCount() {
        return items.count();
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public long indexItemCount(String index) {
        return indexes.get(index).count();
    }

    public SortedItems items() {
        return items;
    }

    public SortedItems index(String name) {
        return indexes.get(name);
    }

    public ObjectNode get(ItemKey key) {
        return items.get(key.partition(), key.sort());
    }

    /** Stores the item (already validated) and returns the one it replaced, or null. */
    public ObjectNode put(ObjectNode item) {
        ItemKey key = keyOfItem(item);
        ObjectNode old = items.put(key.partition(), key.sort(), item);
        if (old != null) {
            sizeBytes -= Values.itemSize(old);
            unindex(old);
        }
        sizeBytes += Values.itemSize(item);
        index(item);
        return old;
    }

    public ObjectNode remove(ItemKey key) {
        ObjectNode old = items.remove(key.partition(), key.sort());
        if (old != null) {
            sizeBytes -= Values.itemSize(old);
            unindex(old);
        }
        return old;
    }

    private void index(ObjectNode item) {
        for (IndexSchema index : schema.indexes()) {
            ItemKey key = indexKey(index, item);
            if (key != null) {
                indexes.get(index.name()).put(key.partition(), key.sort(), item);
            }
        }
    }

    private void unindex(ObjectNode item) {
        for (IndexSchema index : schema.indexes()) {
            ItemKey key = indexKey(index, item);
            if (key != null) {
                indexes.get(index.name()).remove(key.partition(), key.sort());
            }
        }
    }

    /** The item's place in the index, or null when it lacks an index key (sparse index). */
    public ItemKey indexKey(IndexSchema index, JsonNode item) {
        JsonNode hash = item.get(index.hashKey());
        JsonNode range = index.rangeKey() == null ? null : item.get(index.rangeKey());
        if (hash == null || !hash.has(schema.attributeTypes().get(index.hashKey()))
                || index.rangeKey() != null && (range == null || !range.has(schema.attributeTypes().get(index.rangeKey())))) {
            return null;
        }
        List<JsonNode> sort = new ArrayList<>(4);
        if (range != null) {
            sort.add(range);
        }
        sort.add(item.get(schema.hashKey()));
        if (schema.rangeKey() != null) {
            sort.add(item.get(schema.rangeKey()));
        }
        return new ItemKey(new PartitionKey(hash), new SortKey(sort));
    }

    public ItemKey keyOfItem(JsonNode item) {
        JsonNode hash = item.get(schema.hashKey());
        return new ItemKey(new PartitionKey(hash),
                schema.rangeKey() == null ? SortKey.NONE : new SortKey(List.of(item.get(schema.rangeKey()))));
    }

    /** The key attributes only. */
    public ObjectNode keyAttributes(JsonNode item) {
        ObjectNode key = Values.JSON.objectNode();
        key.set(schema.hashKey(), item.get(schema.hashKey()));
        if (schema.rangeKey() != null) {
            key.set(schema.rangeKey(), item.get(schema.rangeKey()));
        }
        return key;
    }

    /** What an index holds of an item: its keys, the table's keys, and what the projection includes. */
    public ObjectNode projectForIndex(IndexSchema index, ObjectNode item) {
        if (index.projectionType().equals("ALL")) {
            return item;
        }
        Set<String> keep = new HashSet<>(index.nonKeyAttributes());
        keep.add(schema.hashKey());
        if (schema.rangeKey() != null) {
            keep.add(schema.rangeKey());
        }
        keep.add(index.hashKey());
        if (index.rangeKey() != null) {
            keep.add(index.rangeKey());
        }
        ObjectNode projected = Values.JSON.objectNode();
        item.fields().forEachRemaining(field -> {
            if (keep.contains(field.getKey())) {
                projected.set(field.getKey(), field.getValue());
            }
        });
        return projected;
    }

    /** Validates a Key parameter (exactly the key attributes, of their types) and returns where it lives. */
    public ItemKey key(JsonNode key) {
        if (key == null || !key.isObject()) {
            throw DynamoException.validation("The provided key element does not match the schema");
        }
        int expected = schema.rangeKey() == null ? 1 : 2;
        if (key.size() != expected || !key.has(schema.hashKey()) || schema.rangeKey() != null && !key.has(schema.rangeKey())) {
            throw DynamoException.validation("The provided key element does not match the schema");
        }
        checkKeyAttribute(key, schema.hashKey(), true, false);
        if (schema.rangeKey() != null) {
            checkKeyAttribute(key, schema.rangeKey(), false, false);
        }
        return keyOfItem(key);
    }

    /** Validates a whole item's key and index key attributes (PutItem, the result of UpdateItem). */
    public void checkItemKeys(JsonNode item) {
        for (String attribute : schema.rangeKey() == null ? List.of(schema.hashKey()) : List.of(schema.hashKey(), schema.rangeKey())) {
            if (!item.has(attribute)) {
                throw DynamoException.validation("One or more parameter values were invalid: Missing the key " + attribute + " in the item");
            }
            checkKeyAttribute(item, attribute, attribute.equals(schema.hashKey()), true);
        }
        for (IndexSchema index : schema.indexes()) {
            for (String attribute : index.rangeKey() == null ? List.of(index.hashKey()) : List.of(index.hashKey(), index.rangeKey())) {
                JsonNode value = item.get(attribute);
                if (value == null || attribute.equals(schema.hashKey()) || attribute.equals(schema.rangeKey())) {
                    continue;
                }
                String type = schema.attributeTypes().get(attribute);
                if (!value.has(type)) {
                    throw DynamoException.validation("One or more parameter values were invalid: Type mismatch for Index Key " + attribute
                            + " Expected: " + type + " Actual: " + Values.type(value) + " IndexName: " + index.name());
                }
                if (isEmptyScalar(value)) {
                    throw DynamoException.validation("One or more parameter values are not valid. A value specified for a secondary index key "
                            + "is not supported. The AttributeValue for a key attribute cannot contain an empty " + emptyKind(value)
                            + " value. IndexName: " + index.name() + ", IndexKey: " + attribute);
                }
            }
        }
    }

    private void checkKeyAttribute(JsonNode item, String attribute, boolean hash, boolean inItem) {
        JsonNode value = item.get(attribute);
        String type = schema.attributeTypes().get(attribute);
        if (!value.has(type)) {
            throw DynamoException.validation(inItem
                    ? "One or more parameter values were invalid: Type mismatch for key " + attribute + " expected: " + type
                    + " actual: " + Values.type(value)
                    : "The provided key element does not match the schema");
        }
        if (isEmptyScalar(value)) {
            throw DynamoException.validation("One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty "
                    + emptyKind(value) + " value. Key: " + attribute);
        }
        long size = Values.valueSize(value);
        if (hash && size > MAX_HASH_KEY_BYTES) {
            throw DynamoException.validation("One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes");
        }
        if (!hash && size > MAX_RANGE_KEY_BYTES) {
            throw DynamoException.validation("One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of 1024 bytes");
        }
    }

    private static boolean isEmptyScalar(JsonNode value) {
        return value.has("S") && value.get("S").asText().isEmpty() || value.has("B") && value.get("B").asText().isEmpty();
    }

    private static String emptyKind(JsonNode value) {
        return value.has("S") ? "string" : "binary";
    }
}
