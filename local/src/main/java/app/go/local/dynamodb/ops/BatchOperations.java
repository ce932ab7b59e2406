package app.go.local.dynamodb.ops;

import app.go.local.dynamodb.DynamoException;
import app.go.local.dynamodb.expr.Documents;
import app.go.local.dynamodb.expr.ExpressionContext;
import app.go.local.dynamodb.expr.Path;
import app.go.local.dynamodb.storage.Change;
import app.go.local.dynamodb.storage.Database;
import app.go.local.dynamodb.table.ItemKey;
import app.go.local.dynamodb.table.Table;
import app.go.local.dynamodb.value.Values;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** BatchGetItem (up to 100 keys) and BatchWriteItem (up to 25 puts and deletes); nothing is left unprocessed. */
public final class BatchOperations {
    private final Database db;

    public BatchOperations(Database db) {
        this.db = db;
    }

    public ObjectNode batchGetItem(JsonNode request) {
        JsonNode requestItems = request.get("RequestItems");
        if (requestItems == null || requestItems.isEmpty()) {
            throw DynamoException.validation("1 validation error detected: Value null at 'requestItems' failed to satisfy constraint: Member must not be null");
        }
        int keys = 0;
        for (JsonNode perTable : requestItems) {
            keys += perTable.path("Keys").size();
        }
        if (keys > 100) {
            throw DynamoException.validation("Too many items requested for the BatchGetItem call");
        }
        return db.read(() -> {
            ObjectNode response = Values.JSON.objectNode();
            ObjectNode responses = response.putObject("Responses");
            List<Capacity> capacities = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = requestItems.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                JsonNode perTable = entry.getValue();
                ExpressionContext context = new ExpressionContext(perTable);
                List<Path> projection = ItemOperations.projectionOrAttributesToGet(perTable, context);
                context.checkAllUsed();
                Table table = db.table(entry.getKey());
                boolean consistent = perTable.path("ConsistentRead").asBoolean(false);
                ArrayNode found = responses.putArray(entry.getKey());
                Set<ItemKey> seen = new HashSet<>();
                Capacity capacity = new Capacity(entry.getKey());
                for (JsonNode key : perTable.path("Keys")) {
                    ItemKey itemKey = table.key(key);
                    if (!seen.add(itemKey)) {
                        throw DynamoException.validation("Provided list of item keys contains duplicates");
                    }
                    ObjectNode item = table.get(itemKey);
                    capacity.read(Capacity.readUnits(item == null ? 0 : Values.itemSize(item), consistent));
                    if (item != null) {
                        found.add(projection == null ? item : Documents.project(item, projection));
                    }
                }
                capacities.add(capacity);
            }
            response.putObject("UnprocessedKeys");
            Capacity.reportAll(request, response, capacities);
            return response;
        });
    }

    public ObjectNode batchWriteItem(JsonNode request) {
        JsonNode requestItems = request.get("RequestItems");
        if (requestItems == null || requestItems.isEmpty()) {
            throw DynamoException.validation("1 validation error detected: Value null at 'requestItems' failed to satisfy constraint: Member must not be null");
        }
        int writes = 0;
        for (JsonNode perTable : requestItems) {
            writes += perTable.size();
        }
        if (writes > 25) {
            throw DynamoException.validation("1 validation error detected: Value '{" + String.join(", ", fieldNames(requestItems))
                    + "}' at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 25, Member must have length greater than or equal to 1]");
        }
        return db.write(() -> {
            List<Change> changes = new ArrayList<>();
            Map<String, Capacity> capacities = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = requestItems.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                Table table = db.table(entry.getKey());
                Set<ItemKey> seen = new HashSet<>();
                Capacity capacity = capacities.computeIfAbsent(entry.getKey(), Capacity::new);
                for (JsonNode write : entry.getValue()) {
                    ObjectNode oldItem;
                    ObjectNode newItem = null;
                    ItemKey key;
                    if (write.has("PutRequest")) {
                        newItem = Params.item(write.get("PutRequest").get("Item"));
                        table.checkItemKeys(newItem);
                        Params.checkItemSize(newItem, false);
                        key = table.keyOfItem(newItem);
                    } else if (write.has("DeleteRequest")) {
                        key = table.key(write.get("DeleteRequest").get("Key"));
                    } else {
                        throw DynamoException.validation("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
                    }
                    if (!seen.add(key)) {
                        throw DynamoException.validation("Provided list of item keys contains duplicates");
                    }
                    oldItem = table.get(key);
                    capacity.write(table, oldItem, newItem, 1);
                    if (newItem != null || oldItem != null) {
                        changes.add(Change.write(entry.getKey(), oldItem, newItem));
                    }
                }
            }
            db.commit(changes);
            ObjectNode response = Values.JSON.objectNode();
            response.putObject("UnprocessedItems");
            Capacity.reportAll(request, response, capacities.values());
            return response;
        });
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
