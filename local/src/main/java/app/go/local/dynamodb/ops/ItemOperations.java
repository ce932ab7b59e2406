package app.go.local.dynamodb.ops;

import app.go.local.dynamodb.DynamoException;
import app.go.local.dynamodb.expr.Condition;
import app.go.local.dynamodb.expr.Documents;
import app.go.local.dynamodb.expr.ExpressionContext;
import app.go.local.dynamodb.expr.ExpressionParser;
import app.go.local.dynamodb.expr.Path;
import app.go.local.dynamodb.expr.UpdateExpression;
import app.go.local.dynamodb.storage.Database;
import app.go.local.dynamodb.table.ItemKey;
import app.go.local.dynamodb.table.Table;
import app.go.local.dynamodb.value.Values;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** GetItem, PutItem, UpdateItem, DeleteItem; the write planning is shared with transactions. */
public final class ItemOperations {
    private static final Set<String> PUT_RETURN_VALUES = Set.of("NONE", "ALL_OLD");
    private static final Set<String> UPDATE_RETURN_VALUES = Set.of("NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW");
    private static final Set<String> ON_FAILURE = Set.of("NONE", "ALL_OLD");

    private final Database db;

    public ItemOperations(Database db) {
        this.db = db;
    }

    public ObjectNode getItem(JsonNode request) {
        String tableName = Params.required(request, "TableName");
        ExpressionContext context = new ExpressionContext(request);
        List<Path> projection = projectionOrAttributesToGet(request, context);
        context.checkAllUsed();
        boolean consistent = request.path("ConsistentRead").asBoolean(false);
        return db.read(() -> {
            Table table = db.table(tableName);
            ObjectNode item = table.get(table.key(request.get("Key")));
            ObjectNode response = Values.JSON.objectNode();
            if (item != null) {
                response.set("Item", projection == null ? item : Documents.project(item, projection));
            }
            Capacity capacity = new Capacity(tableName);
            capacity.read(Capacity.readUnits(item == null ? 0 : Values.itemSize(item), consistent));
            Capacity.report(request, response, capacity);
            return response;
        });
    }

    static List<Path> projectionOrAttributesToGet(JsonNode request, ExpressionContext context) {
        List<Path> projection = Params.projection(request, context);
        if (projection == null && request.has("AttributesToGet")) {
            projection = new ArrayList<>();
            for (JsonNode name : request.get("AttributesToGet")) {
                projection.add(Path.of(name.asText()));
            }
        }
        return projection;
    }

    public ObjectNode putItem(JsonNode request) {
        String returnValues = Params.oneOf(request, "ReturnValues", "NONE", UPDATE_RETURN_VALUES);
        if (!PUT_RETURN_VALUES.contains(returnValues)) {
            throw DynamoException.validation("ReturnValues can only be ALL_OLD or NONE");
        }
        return single(request, returnValues, () -> planPut(request));
    }

    public ObjectNode updateItem(JsonNode request) {
        String returnValues = Params.oneOf(request, "ReturnValues", "NONE", UPDATE_RETURN_VALUES);
        return single(request, returnValues, () -> planUpdate(request));
    }

    public ObjectNode deleteItem(JsonNode request) {
        String returnValues = Params.oneOf(request, "ReturnValues", "NONE", UPDATE_RETURN_VALUES);
        if (!PUT_RETURN_VALUES.contains(returnValues)) {
            throw DynamoException.validation("ReturnValues can only be ALL_OLD or NONE");
        }
        return single(request, returnValues, () -> planDelete(request));
    }

    private interface Planner {
        PlannedWrite plan();
    }

    private ObjectNode single(JsonNode request, String returnValues, Planner planner) {
        String onFailure = Params.oneOf(request, "ReturnValuesOnConditionCheckFailure", "NONE", ON_FAILURE);
        return db.write(() -> {
            PlannedWrite write;
            try {
                write = planner.plan();
            } catch (ConditionFailed failed) {
                throw DynamoException.conditionalCheckFailed(onFailure.equals("ALL_OLD") ? failed.item() : null);
            }
            if (write.changesAnything()) {
                db.commit(List.of(write.change()));
            }
            ObjectNode response = Values.JSON.objectNode();
            ObjectNode attributes = returned(write, returnValues);
            if (attributes != null && !attributes.isEmpty()) {
                response.set("Attributes", attributes);
            }
            Capacity capacity = new Capacity(write.table().schema().name());
            capacity.write(write.table(), write.oldItem(), write.newItem(), 1);
            Capacity.report(request, response, capacity);
            return response;
        });
    }

    private static ObjectNode returned(PlannedWrite write, String returnValues) {
        return switch (returnValues) {
            case "ALL_OLD" -> write.oldItem();
            case "ALL_NEW" -> write.newItem();
            case "UPDATED_OLD" -> write.oldItem() == null ? null : Documents.project(write.oldItem(), write.updatedPaths());
            case "UPDATED_NEW" -> write.newItem() == null ? null : Documents.project(write.newItem(), write.updatedPaths());
            default -> null;
        };
    }

    // ---- planning (call under the write lock)

    PlannedWrite planPut(JsonNode request) {
        String tableName = Params.required(request, "TableName");
        ObjectNode item = Params.item(request.get("Item"));
        ExpressionContext context = new ExpressionContext(request);
        Condition condition = Params.condition(request, "ConditionExpression", context);
        context.checkAllUsed();
        Table table = db.table(tableName);
        table.checkItemKeys(item);
        Params.checkItemSize(item, false);
        ObjectNode old = table.get(table.keyOfItem(item));
        check(condition, old);
        return new PlannedWrite(table, old, item, List.of());
    }

    PlannedWrite planUpdate(JsonNode request) {
        String tableName = Params.required(request, "TableName");
        ExpressionContext context = new ExpressionContext(request);
        String updateText = Params.optional(request, "UpdateExpression");
        UpdateExpression update = updateText == null ? null : ExpressionParser.update(updateText, context);
        Condition condition = Params.condition(request, "ConditionExpression", context);
        context.checkAllUsed();
        Table table = db.table(tableName);
        ItemKey key = table.key(request.get("Key"));
        if (update != null) {
            for (Path path : update.paths()) {
                String top = path.topLevel();
                if (top.equals(table.schema().hashKey()) || top.equals(table.schema().rangeKey())) {
                    throw DynamoException.validation("One or more parameter values were invalid: Cannot update attribute " + top
                            + ". This attribute is part of the key");
                }
            }
        }
        ObjectNode old = table.get(key);
        check(condition, old);
        ObjectNode base = old != null ? old : keyItem(request.get("Key"));
        ObjectNode updated = update == null ? base : update.apply(base);
        table.checkItemKeys(updated);
        Params.checkItemSize(updated, true);
        return new PlannedWrite(table, old, updated, update == null ? List.of() : update.paths());
    }

    PlannedWrite planDelete(JsonNode request) {
        String tableName = Params.required(request, "TableName");
        ExpressionContext context = new ExpressionContext(request);
        Condition condition = Params.condition(request, "ConditionExpression", context);
        context.checkAllUsed();
        Table table = db.table(tableName);
        ObjectNode old = table.get(table.key(request.get("Key")));
        check(condition, old);
        return new PlannedWrite(table, old, null, List.of());
    }

    /** ConditionCheck of a transaction: a condition only, no write. */
    PlannedWrite planConditionCheck(JsonNode request) {
        String tableName = Params.required(request, "TableName");
        ExpressionContext context = new ExpressionContext(request);
        Condition condition = ExpressionParser.condition(Params.required(request, "ConditionExpression"), "ConditionExpression", context);
        context.checkAllUsed();
        Table table = db.table(tableName);
        ObjectNode old = table.get(table.key(request.get("Key")));
        check(condition, old);
        return new PlannedWrite(table, old, old, List.of());
    }

    private static ObjectNode keyItem(JsonNode key) {
        return Params.item(key);
    }

    private static void check(Condition condition, ObjectNode item) {
        if (condition != null && !condition.test(item == null ? Values.JSON.objectNode() : item)) {
            throw new ConditionFailed(item);
        }
    }
}
