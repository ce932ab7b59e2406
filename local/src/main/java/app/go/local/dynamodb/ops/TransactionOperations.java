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

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TransactWriteItems and TransactGetItems: all conditions are evaluated and all writes committed in
 * one step under the database's write lock (all or nothing, isolated). A ClientRequestToken makes a
 * TransactWriteItems idempotent for ten minutes of the engine's clock.
 */
public final class TransactionOperations {
    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(10);
    private static final int MAX_ITEMS = 100;

    private final Database db;
    private final ItemOperations items;
    private final Map<String, IdempotentResult> tokens = new LinkedHashMap<>();

    private record IdempotentResult(JsonNode request, ObjectNode response, long atMillis) {}

    public TransactionOperations(Database db, ItemOperations items) {
        this.db = db;
        this.items = items;
    }

    public ObjectNode transactWriteItems(JsonNode request) {
        JsonNode transactItems = request.path("TransactItems");
        checkCount(transactItems);
        String token = Params.optional(request, "ClientRequestToken");
        return db.write(() -> {
            long now = db.clock().millis();
            tokens.values().removeIf(result -> now - result.atMillis() > TOKEN_LIFETIME.toMillis());
            if (token != null && tokens.containsKey(token)) {
                IdempotentResult previous = tokens.get(token);
                if (!previous.request().equals(withoutCapacityMode(request))) {
                    throw DynamoException.dynamo("IdempotentParameterMismatchException",
                            "The request uses the same client token as a previous, but non-identical request");
                }
                return previous.response().deepCopy();
            }
            ObjectNode response = runWrite(request, transactItems);
            if (token != null) {
                tokens.put(token, new IdempotentResult(withoutCapacityMode(request), response.deepCopy(), now));
            }
            return response;
        });
    }

    private static JsonNode withoutCapacityMode(JsonNode request) {
        ObjectNode copy = request.deepCopy();
        copy.remove("ReturnConsumedCapacity");
        copy.remove("ReturnItemCollectionMetrics");
        return copy;
    }

    private ObjectNode runWrite(JsonNode request, JsonNode transactItems) {
        List<PlannedWrite> planned = new ArrayList<>();
        List<Boolean> isCheck = new ArrayList<>();
        ArrayNode reasons = Values.JSON.arrayNode();
        boolean failed = false;
        Set<Map.Entry<String, ItemKey>> seen = new HashSet<>();
        for (JsonNode transactItem : transactItems) {
            String kind = operationOf(transactItem);
            JsonNode operation = transactItem.get(kind);
            String onFailure = operation.path("ReturnValuesOnConditionCheckFailure").asText("NONE");
            Table table = db.table(Params.required(operation, "TableName"));
            ItemKey key = kind.equals("Put") ? table.keyOfItem(checkedPutItem(table, operation)) : table.key(operation.get("Key"));
            if (!seen.add(Map.entry(table.schema().name(), key))) {
                throw DynamoException.validation("Transaction request cannot include multiple operations on one item");
            }
            try {
                planned.add(switch (kind) {
                    case "Put" -> items.planPut(operation);
                    case "Update" -> items.planUpdate(operation);
                    case "Delete" -> items.planDelete(operation);
                    default -> items.planConditionCheck(operation);
                });
                isCheck.add(kind.equals("ConditionCheck"));
                reasons.addObject().put("Code", "None");
            } catch (ConditionFailed conditionFailed) {
                failed = true;
                ObjectNode reason = reasons.addObject().put("Code", "ConditionalCheckFailed").put("Message", "The conditional request failed");
                if (onFailure.equals("ALL_OLD") && conditionFailed.item() != null) {
                    reason.set("Item", conditionFailed.item());
                }
            }
        }
        if (failed) {
            throw cancelled(reasons);
        }
        List<Change> changes = new ArrayList<>();
        Map<String, Capacity> capacities = new LinkedHashMap<>();
        for (int i = 0; i < planned.size(); i++) {
            PlannedWrite write = planned.get(i);
            Capacity capacity = capacities.computeIfAbsent(write.table().schema().name(), Capacity::new);
            if (isCheck.get(i)) {
                capacity.read(Capacity.readUnits(write.oldItem() == null ? 0 : Values.itemSize(write.oldItem()), true) * 2);
            } else {
                capacity.write(write.table(), write.oldItem(), write.newItem(), 2);
                if (write.changesAnything()) {
                    changes.add(write.change());
                }
            }
        }
        db.commit(changes);
        ObjectNode response = Values.JSON.objectNode();
        Capacity.reportAll(request, response, capacities.values());
        return response;
    }

    /** TransactionCanceledException as the SDK parses it: reasons in request order, "None" for the rest. */
    public static DynamoException cancelled(ArrayNode reasons) {
        List<String> codes = new ArrayList<>();
        reasons.forEach(reason -> codes.add(reason.get("Code").asText()));
        ObjectNode extra = Values.JSON.objectNode();
        extra.set("CancellationReasons", reasons);
        return new DynamoException("com.amazonaws.dynamodb.v20120810#TransactionCanceledException",
                "Transaction cancelled, please refer cancellation reasons for specific reasons " + codes, 400, extra);
    }

    private static ObjectNode checkedPutItem(Table table, JsonNode operation) {
        ObjectNode item = Params.item(operation.get("Item"));
        table.checkItemKeys(item);
        return item;
    }

    private static String operationOf(JsonNode transactItem) {
        for (String kind : List.of("ConditionCheck", "Put", "Update", "Delete")) {
            if (transactItem.has(kind)) {
                return kind;
            }
        }
        throw DynamoException.validation("TransactItems can only contain one of Check, Put, Update or Delete");
    }

    private static void checkCount(JsonNode transactItems) {
        if (transactItems.isEmpty() || transactItems.size() > MAX_ITEMS) {
            throw DynamoException.validation("1 validation error detected: Value '[...]' at 'transactItems' failed to satisfy constraint: "
                    + "Member must have length " + (transactItems.isEmpty() ? "greater than or equal to 1" : "less than or equal to 100"));
        }
    }

    public ObjectNode transactGetItems(JsonNode request) {
        JsonNode transactItems = request.path("TransactItems");
        checkCount(transactItems);
        return db.read(() -> {
            ObjectNode response = Values.JSON.objectNode();
            ArrayNode responses = response.putArray("Responses");
            Map<String, Capacity> capacities = new LinkedHashMap<>();
            Set<Map.Entry<String, ItemKey>> seen = new HashSet<>();
            for (JsonNode transactItem : transactItems) {
                JsonNode get = transactItem.get("Get");
                if (get == null) {
                    throw DynamoException.validation("TransactGetItems can only contain Get operations");
                }
                ExpressionContext context = new ExpressionContext(get);
                List<Path> projection = ItemOperations.projectionOrAttributesToGet(get, context);
                context.checkAllUsed();
                Table table = db.table(Params.required(get, "TableName"));
                ItemKey key = table.key(get.get("Key"));
                if (!seen.add(Map.entry(table.schema().name(), key))) {
                    throw DynamoException.validation("Transaction request cannot include multiple operations on one item");
                }
                ObjectNode item = table.get(key);
                ObjectNode entry = responses.addObject();
                if (item != null) {
                    entry.set("Item", projection == null ? item : Documents.project(item, projection));
                }
                capacities.computeIfAbsent(table.schema().name(), Capacity::new)
                        .read(Capacity.readUnits(item == null ? 0 : Values.itemSize(item), true) * 2);
            }
            Capacity.reportAll(request, response, capacities.values());
            return response;
        });
    }
}
