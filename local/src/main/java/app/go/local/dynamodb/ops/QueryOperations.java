package app.go.local.dynamodb.ops;

import app.go.local.dynamodb.DynamoException;
import app.go.local.dynamodb.expr.Condition;
import app.go.local.dynamodb.expr.Documents;
import app.go.local.dynamodb.expr.ExpressionContext;
import app.go.local.dynamodb.expr.ExpressionParser;
import app.go.local.dynamodb.expr.Path;
import app.go.local.dynamodb.storage.Database;
import app.go.local.dynamodb.table.IndexSchema;
import app.go.local.dynamodb.table.ItemKey;
import app.go.local.dynamodb.table.PartitionKey;
import app.go.local.dynamodb.table.SortKey;
import app.go.local.dynamodb.table.SortedItems;
import app.go.local.dynamodb.table.Table;
import app.go.local.dynamodb.value.Values;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Set;

/**
 * Query and Scan: items in key order, Limit counting items evaluated (before the filter), a page
 * ending at 1 MB of evaluated data, LastEvaluatedKey whenever a page stopped early.
 */
public final class QueryOperations {
    static final long MAX_PAGE_BYTES = 1024 * 1024;
    private static final Set<String> SELECT = Set.of("ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES", "SPECIFIC_ATTRIBUTES", "COUNT");

    private final Database db;

    public QueryOperations(Database db) {
        this.db = db;
    }

    private record Plan(String tableName, String indexName, Condition filter, List<Path> projection, String select,
                        int limit, boolean consistent) {}

    private Plan plan(JsonNode request, ExpressionContext context) {
        String tableName = Params.required(request, "TableName");
        Condition filter = Params.condition(request, "FilterExpression", context);
        List<Path> projection = ItemOperations.projectionOrAttributesToGet(request, context);
        String select = Params.oneOf(request, "Select", projection == null ? "ALL_ATTRIBUTES" : "SPECIFIC_ATTRIBUTES", SELECT);
        if (projection != null && !select.equals("SPECIFIC_ATTRIBUTES")) {
            throw DynamoException.validation("Cannot specify the ProjectionExpression when choosing to get " + select);
        }
        int limit = Integer.MAX_VALUE;
        if (request.has("Limit")) {
            limit = request.get("Limit").asInt();
            if (limit < 1) {
                throw DynamoException.validation("1 validation error detected: Value '" + limit
                        + "' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
            }
        }
        String indexName = Params.optional(request, "IndexName");
        boolean consistent = request.path("ConsistentRead").asBoolean(false);
        if (indexName != null && consistent) {
            throw DynamoException.validation("Consistent reads are not supported on global secondary indexes");
        }
        return new Plan(tableName, indexName, filter, projection, select, limit, consistent);
    }

    public ObjectNode query(JsonNode request) {
        ExpressionContext context = new ExpressionContext(request);
        String keyText = Params.optional(request, "KeyConditionExpression");
        if (keyText == null) {
            throw DynamoException.validation("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        }
        Condition keyCondition = ExpressionParser.condition(keyText, "KeyConditionExpression", context);
        Plan plan = plan(request, context);
        context.checkAllUsed();
        boolean forward = request.path("ScanIndexForward").asBoolean(true);
        return db.read(() -> {
            Table table = db.table(plan.tableName());
            IndexSchema index = plan.indexName() == null ? null : table.schema().index(plan.indexName());
            String hashKey = index == null ? table.schema().hashKey() : index.hashKey();
            String rangeKey = index == null ? table.schema().rangeKey() : index.rangeKey();
            KeyCondition key = KeyCondition.of(keyCondition, hashKey, rangeKey, table.schema().attributeTypes().get(hashKey),
                    rangeKey == null ? null : table.schema().attributeTypes().get(rangeKey));
            SortedItems items = index == null ? table.items() : table.index(index.name());
            PartitionKey partition = new PartitionKey(key.partitionValue());
            SortKey start = null;
            JsonNode startKey = request.get("ExclusiveStartKey");
            if (startKey != null && !startKey.isNull()) {
                ItemKey startAt = startKey(table, index, startKey);
                if (!startAt.partition().equals(partition)) {
                    throw DynamoException.validation("The provided starting key is invalid: The provided key element does not match the schema");
                }
                start = startAt.sort();
            }
            return page(request, plan, table, index, items.partition(partition, forward, start), key.sortCondition());
        });
    }

    public ObjectNode scan(JsonNode request) {
        ExpressionContext context = new ExpressionContext(request);
        Plan plan = plan(request, context);
        context.checkAllUsed();
        int segment = request.path("Segment").asInt(0);
        int totalSegments = request.path("TotalSegments").asInt(1);
        if (request.has("Segment") != request.has("TotalSegments") || segment < 0 || segment >= totalSegments) {
            throw DynamoException.validation("The Segment parameter is required but was not present in the request when parameter TotalSegments is present");
        }
        return db.read(() -> {
            Table table = db.table(plan.tableName());
            IndexSchema index = plan.indexName() == null ? null : table.schema().index(plan.indexName());
            SortedItems items = index == null ? table.items() : table.index(index.name());
            ItemKey start = null;
            JsonNode startKey = request.get("ExclusiveStartKey");
            if (startKey != null && !startKey.isNull()) {
                start = startKey(table, index, startKey);
            }
            Iterable<ObjectNode> all = items.all(start == null ? null : start.partition(), start == null ? null : start.sort());
            Iterable<ObjectNode> segmentItems = totalSegments == 1 ? all : () -> java.util.stream.StreamSupport.stream(all.spliterator(), false)
                    .filter(item -> Math.floorMod(table.keyOfItem(item).partition().hashCode(), totalSegments) == segment).iterator();
            return page(request, plan, table, index, segmentItems, null);
        });
    }

    private static ItemKey startKey(Table table, IndexSchema index, JsonNode startKey) {
        try {
            ItemKey tableKey = table.key(onlyTableKey(table, startKey));
            if (index == null) {
                return tableKey;
            }
            ItemKey indexKey = table.indexKey(index, startKey);
            if (indexKey == null) {
                throw DynamoException.validation("The provided key element does not match the schema");
            }
            return indexKey;
        } catch (DynamoException e) {
            throw DynamoException.validation("The provided starting key is invalid: " + e.getMessage());
        }
    }

    private static JsonNode onlyTableKey(Table table, JsonNode startKey) {
        ObjectNode key = Values.JSON.objectNode();
        for (String attribute : new String[] {table.schema().hashKey(), table.schema().rangeKey()}) {
            if (attribute != null && startKey.has(attribute)) {
                key.set(attribute, startKey.get(attribute));
            }
        }
        return key;
    }

    private static ObjectNode page(JsonNode request, Plan plan, Table table, IndexSchema index, Iterable<ObjectNode> candidates,
                                   Condition sortCondition) {
        ObjectNode response = Values.JSON.objectNode();
        ArrayNode items = plan.select().equals("COUNT") ? null : response.putArray("Items");
        int scanned = 0;
        int count = 0;
        long bytes = 0;
        ObjectNode last = null;
        boolean stoppedEarly = false;
        for (ObjectNode stored : candidates) {
            if (sortCondition != null && !sortCondition.test(stored)) {
                continue;
            }
            if (scanned == plan.limit() || bytes >= MAX_PAGE_BYTES) {
                stoppedEarly = true;
                break;
            }
            ObjectNode item = index == null ? stored : table.projectForIndex(index, stored);
            scanned++;
            bytes += Values.itemSize(item);
            last = stored;
            if (plan.filter() != null && !plan.filter().test(item)) {
                continue;
            }
            count++;
            if (items != null) {
                items.add(plan.projection() == null ? item : Documents.project(item, plan.projection()));
            }
        }
        if (!stoppedEarly && scanned == plan.limit()) {
            stoppedEarly = true;
        }
        response.put("Count", count).put("ScannedCount", scanned);
        if (stoppedEarly && last != null) {
            response.set("LastEvaluatedKey", lastEvaluatedKey(table, index, last));
        }
        Capacity capacity = new Capacity(plan.tableName());
        double units = Capacity.readUnits(bytes, plan.consistent());
        if (index == null) {
            capacity.read(units);
        } else {
            capacity.indexRead(index.name(), units);
        }
        Capacity.report(request, response, capacity);
        return response;
    }

    private static ObjectNode lastEvaluatedKey(Table table, IndexSchema index, ObjectNode item) {
        ObjectNode key = table.keyAttributes(item);
        if (index != null) {
            key.set(index.hashKey(), item.get(index.hashKey()));
            if (index.rangeKey() != null) {
                key.set(index.rangeKey(), item.get(index.rangeKey()));
            }
        }
        return key;
    }
}
