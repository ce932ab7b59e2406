package app.go.local.dynamodb.ops;

import app.go.local.dynamodb.DynamoException;
import app.go.local.dynamodb.storage.Database;
import app.go.local.dynamodb.table.IndexSchema;
import app.go.local.dynamodb.table.Table;
import app.go.local.dynamodb.table.TableSchema;
import app.go.local.dynamodb.value.Values;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.UUID;

/** CreateTable, DescribeTable, DeleteTable, ListTables, UpdateTimeToLive, DescribeTimeToLive. Tables are ACTIVE at once. */
public final class TableOperations {
    private final Database db;

    public TableOperations(Database db) {
        this.db = db;
    }

    public ObjectNode createTable(JsonNode request) {
        ObjectNode definition = request.deepCopy();
        definition.remove("Tags");
        return db.write(() -> {
            Table table = db.createTable(definition);
            return wrap(description(table, "ACTIVE"));
        });
    }

    public ObjectNode describeTable(JsonNode request) {
        String name = Params.required(request, "TableName");
        return db.read(() -> {
            Table table = db.tableOrNull(name);
            if (table == null) {
                throw DynamoException.resourceNotFound("Requested resource not found: Table: " + name + " not found");
            }
            ObjectNode response = Values.JSON.objectNode();
            response.set("Table", description(table, "ACTIVE"));
            return response;
        });
    }

    public ObjectNode deleteTable(JsonNode request) {
        String name = Params.required(request, "TableName");
        return db.write(() -> {
            Table table = db.tableOrNull(name);
            if (table == null) {
                throw DynamoException.resourceNotFound("Requested resource not found: Table: " + name + " not found");
            }
            ObjectNode description = description(table, "DELETING");
            db.deleteTable(name);
            ObjectNode response = Values.JSON.objectNode();
            response.set("TableDescription", description);
            return response;
        });
    }

    public ObjectNode listTables(JsonNode request) {
        String start = Params.optional(request, "ExclusiveStartTableName");
        int limit = request.path("Limit").asInt(100);
        if (limit < 1 || limit > 100) {
            throw DynamoException.validation("1 validation error detected: Value '" + limit
                    + "' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100");
        }
        return db.read(() -> {
            List<String> names = db.tableNames().stream().filter(name -> start == null || name.compareTo(start) > 0).toList();
            ObjectNode response = Values.JSON.objectNode();
            ArrayNode list = response.putArray("TableNames");
            names.stream().limit(limit).forEach(list::add);
            if (names.size() > limit) {
                response.put("LastEvaluatedTableName", names.get(limit - 1));
            }
            return response;
        });
    }

    public ObjectNode updateTimeToLive(JsonNode request) {
        String name = Params.required(request, "TableName");
        JsonNode specification = request.get("TimeToLiveSpecification");
        if (specification == null) {
            throw DynamoException.validation("1 validation error detected: Value null at 'timeToLiveSpecification' failed to satisfy constraint: Member must not be null");
        }
        String attribute = Params.required(specification, "AttributeName");
        boolean enabled = specification.path("Enabled").asBoolean();
        return db.write(() -> {
            Table table = db.table(name);
            String current = table.ttlAttribute();
            if (enabled && current != null) {
                throw DynamoException.validation("TimeToLive is already enabled");
            }
            if (!enabled && current == null) {
                throw DynamoException.validation("TimeToLive is already disabled");
            }
            if (!enabled && !current.equals(attribute)) {
                throw DynamoException.validation("TimeToLive attribute name does not match the one enabled: " + current);
            }
            db.timeToLive(name, enabled ? attribute : null);
            ObjectNode response = Values.JSON.objectNode();
            response.putObject("TimeToLiveSpecification").put("AttributeName", attribute).put("Enabled", enabled);
            return response;
        });
    }

    public ObjectNode describeTimeToLive(JsonNode request) {
        String name = Params.required(request, "TableName");
        return db.read(() -> {
            Table table = db.table(name);
            ObjectNode response = Values.JSON.objectNode();
            ObjectNode description = response.putObject("TimeToLiveDescription");
            if (table.ttlAttribute() == null) {
                description.put("TimeToLiveStatus", "DISABLED");
            } else {
                description.put("TimeToLiveStatus", "ENABLED").put("AttributeName", table.ttlAttribute());
            }
            return response;
        });
    }

    private static ObjectNode wrap(ObjectNode description) {
        ObjectNode response = Values.JSON.objectNode();
        response.set("TableDescription", description);
        return response;
    }

    static ObjectNode description(Table table, String status) {
        TableSchema schema = table.schema();
        ObjectNode node = Values.JSON.objectNode();
        ArrayNode definitions = node.putArray("AttributeDefinitions");
        schema.attributeTypes().forEach((name, type) -> definitions.addObject().put("AttributeName", name).put("AttributeType", type));
        node.put("TableName", schema.name());
        node.set("KeySchema", keySchema(schema.hashKey(), schema.rangeKey()));
        node.put("TableStatus", status);
        node.put("CreationDateTime", schema.createdAtMillis() / 1000.0);
        throughput(node, schema);
        node.put("TableSizeBytes", table.sizeBytes());
        node.put("ItemCount", table.itemCount());
        node.put("TableArn", schema.arn());
        node.put("TableId", UUID.nameUUIDFromBytes(schema.arn().getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
        if (schema.billingMode().equals("PAY_PER_REQUEST")) {
            node.putObject("BillingModeSummary").put("BillingMode", "PAY_PER_REQUEST")
                    .put("LastUpdateToPayPerRequestDateTime", schema.createdAtMillis() / 1000.0);
        }
        if (!schema.indexes().isEmpty()) {
            ArrayNode indexes = node.putArray("GlobalSecondaryIndexes");
            for (IndexSchema index : schema.indexes()) {
                ObjectNode gsi = indexes.addObject().put("IndexName", index.name());
                gsi.set("KeySchema", keySchema(index.hashKey(), index.rangeKey()));
                ObjectNode projection = gsi.putObject("Projection").put("ProjectionType", index.projectionType());
                if (!index.nonKeyAttributes().isEmpty()) {
                    ArrayNode nonKey = projection.putArray("NonKeyAttributes");
                    index.nonKeyAttributes().forEach(nonKey::add);
                }
                gsi.put("IndexStatus", "ACTIVE");
                throughput(gsi, schema);
                gsi.put("IndexSizeBytes", 0).put("ItemCount", table.indexItemCount(index.name()));
                gsi.put("IndexArn", schema.arn() + "/index/" + index.name());
            }
        }
        if (schema.streamViewType() != null) {
            node.putObject("StreamSpecification").put("StreamEnabled", true).put("StreamViewType", schema.streamViewType());
            node.put("LatestStreamLabel", schema.streamLabel());
            node.put("LatestStreamArn", schema.streamArn());
        }
        return node;
    }

    private static void throughput(ObjectNode node, TableSchema schema) {
        JsonNode given = schema.provisionedThroughput();
        node.putObject("ProvisionedThroughput").put("NumberOfDecreasesToday", 0)
                .put("ReadCapacityUnits", given == null ? 0 : given.path("ReadCapacityUnits").asLong())
                .put("WriteCapacityUnits", given == null ? 0 : given.path("WriteCapacityUnits").asLong());
    }

    static ArrayNode keySchema(String hash, String range) {
        ArrayNode keys = Values.JSON.arrayNode();
        keys.addObject().put("AttributeName", hash).put("KeyType", "HASH");
        if (range != null) {
            keys.addObject().put("AttributeName", range).put("KeyType", "RANGE");
        }
        return keys;
    }
}
