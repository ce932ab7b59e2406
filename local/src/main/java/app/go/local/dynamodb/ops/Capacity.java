package app.go.local.dynamodb.ops;

import app.go.local.dynamodb.table.IndexSchema;
import app.go.local.dynamodb.table.Table;
import app.go.local.dynamodb.value.Values;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Consumed capacity of one request on one table, by DynamoDB's documented rounding: a read unit
 * per 4 KB (half for an eventually consistent read), a write unit per 1 KB, twice that in a
 * transaction; index writes counted per index.
 */
final class Capacity {
    private final String table;
    private double tableRead;
    private double tableWrite;
    private final Map<String, double[]> indexes = new LinkedHashMap<>();

    Capacity(String table) {
        this.table = table;
    }

    static double readUnits(long bytes, boolean consistent) {
        double units = Math.max(1, Math.ceil(bytes / 4096.0));
        return consistent ? units : units / 2;
    }

    static double writeUnits(long bytes) {
        return Math.max(1, Math.ceil(bytes / 1024.0));
    }

    void read(double units) {
        tableRead += units;
    }

    void indexRead(String index, double units) {
        indexes.computeIfAbsent(index, i -> new double[2])[0] += units;
    }

    /** A write of the table's item from {@code oldItem} to {@code newItem} (either may be null), and its index writes. */
    void write(Table t, ObjectNode oldItem, ObjectNode newItem, double factor) {
        long size = Math.max(oldItem == null ? 0 : Values.itemSize(oldItem), newItem == null ? 0 : Values.itemSize(newItem));
        tableWrite += writeUnits(size) * factor;
        for (IndexSchema index : t.schema().indexes()) {
            var oldKey = oldItem == null ? null : t.indexKey(index, oldItem);
            var newKey = newItem == null ? null : t.indexKey(index, newItem);
            double units = 0;
            if (oldKey != null && newKey != null && oldKey.equals(newKey)) {
                units = writeUnits(Math.max(Values.itemSize(t.projectForIndex(index, oldItem)), Values.itemSize(t.projectForIndex(index, newItem))));
            } else {
                if (oldKey != null) {
                    units += writeUnits(Values.itemSize(t.projectForIndex(index, oldItem)));
                }
                if (newKey != null) {
                    units += writeUnits(Values.itemSize(t.projectForIndex(index, newItem)));
                }
            }
            if (units > 0) {
                indexes.computeIfAbsent(index.name(), i -> new double[2])[1] += units * factor;
            }
        }
    }

    /** Adds ConsumedCapacity to the response when the request asked for it (TOTAL or INDEXES). */
    static void report(JsonNode request, ObjectNode response, Capacity capacity) {
        String mode = request.path("ReturnConsumedCapacity").asText("NONE");
        if (!mode.equals("NONE")) {
            response.set("ConsumedCapacity", capacity.toJson(mode));
        }
    }

    static void reportAll(JsonNode request, ObjectNode response, Iterable<Capacity> capacities) {
        String mode = request.path("ReturnConsumedCapacity").asText("NONE");
        if (!mode.equals("NONE")) {
            ArrayNode list = response.putArray("ConsumedCapacity");
            capacities.forEach(c -> list.add(c.toJson(mode)));
        }
    }

    ObjectNode toJson(String mode) {
        double indexRead = 0;
        double indexWrite = 0;
        for (double[] units : indexes.values()) {
            indexRead += units[0];
            indexWrite += units[1];
        }
        ObjectNode node = Values.JSON.objectNode().put("TableName", table);
        double read = tableRead + indexRead;
        double write = tableWrite + indexWrite;
        node.put("CapacityUnits", read + write);
        if (read > 0) {
            node.put("ReadCapacityUnits", read);
        }
        if (write > 0) {
            node.put("WriteCapacityUnits", write);
        }
        if (mode.equals("INDEXES")) {
            units(node.putObject("Table"), tableRead, tableWrite);
            if (!indexes.isEmpty()) {
                ObjectNode gsis = node.putObject("GlobalSecondaryIndexes");
                indexes.forEach((name, units) -> units(gsis.putObject(name), units[0], units[1]));
            }
        }
        return node;
    }

    private static void units(ObjectNode node, double read, double write) {
        node.put("CapacityUnits", read + write);
        if (read > 0) {
            node.put("ReadCapacityUnits", read);
        }
        if (write > 0) {
            node.put("WriteCapacityUnits", write);
        }
    }
}
