package app.go.local.dynamodb.table;

import app.go.local.dynamodb.DynamoException;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What CreateTable fixed: keys, attribute types of the key attributes, indexes, stream view type,
 * billing mode. {@code createdAtMillis} also labels the stream.
 */
public record TableSchema(String name, String hashKey, String rangeKey, Map<String, String> attributeTypes,
                          List<IndexSchema> indexes, String streamViewType, String billingMode, long createdAtMillis,
                          JsonNode provisionedThroughput) {

    /** Reads and validates a CreateTable request body. */
    public static TableSchema fromCreateTable(JsonNode request, long nowMillis) {
        String name = TableNames.check(request.path("TableName").asText(null));
        Map<String, String> types = new LinkedHashMap<>();
        for (JsonNode definition : request.path("AttributeDefinitions")) {
            String type = definition.path("AttributeType").asText();
            if (!Set.of("S", "N", "B").contains(type)) {
                throw DynamoException.validation("1 validation error detected: Value '" + type
                        + "' at 'attributeDefinitions.1.member.attributeType' failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]");
            }
            types.put(definition.path("AttributeName").asText(), type);
        }
        String[] keys = keys(request.path("KeySchema"), types);
        Set<String> usedAttributes = new HashSet<>(List.of(keys[0]));
        if (keys[1] != null) {
            usedAttributes.add(keys[1]);
        }
        List<IndexSchema> indexes = new ArrayList<>();
        for (JsonNode index : request.path("GlobalSecondaryIndexes")) {
            String[] indexKeys = keys(index.path("KeySchema"), types);
            usedAttributes.add(indexKeys[0]);
            if (indexKeys[1] != null) {
                usedAttributes.add(indexKeys[1]);
            }
            JsonNode projection = index.path("Projection");
            String projectionType = projection.path("ProjectionType").asText("ALL");
            List<String> nonKey = new ArrayList<>();
            projection.path("NonKeyAttributes").forEach(attribute -> nonKey.add(attribute.asText()));
            if (!projectionType.equals("INCLUDE") && !nonKey.isEmpty()) {
                throw DynamoException.validation("One or more parameter values were invalid: ProjectionType is " + projectionType
                        + ", but NonKeyAttributes is specified");
            }
            String indexName = index.path("IndexName").asText();
            if (indexes.stream().anyMatch(existing -> existing.name().equals(indexName))) {
                throw DynamoException.validation("One or more parameter values were invalid: Duplicate index name: " + indexName);
            }
            indexes.add(new IndexSchema(indexName, indexKeys[0], indexKeys[1], projectionType, nonKey));
        }
        if (!usedAttributes.equals(types.keySet())) {
            throw DynamoException.validation("One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match "
                    + "number of attributes defined in AttributeDefinitions");
        }
        JsonNode stream = request.path("StreamSpecification");
        String viewType = stream.path("StreamEnabled").asBoolean(false) ? stream.path("StreamViewType").asText(null) : null;
        if (stream.path("StreamEnabled").asBoolean(false)
                && (viewType == null || !Set.of("NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY").contains(viewType))) {
            throw DynamoException.validation("One or more parameter values were invalid: StreamViewType must be one of NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES, KEYS_ONLY");
        }
        String billingMode = request.path("BillingMode").asText("PROVISIONED");
        JsonNode throughput = request.get("ProvisionedThroughput");
        if (billingMode.equals("PROVISIONED") && throughput == null) {
            throw DynamoException.validation("One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
        }
        return new TableSchema(name, keys[0], keys[1], types, indexes, viewType, billingMode, nowMillis, throughput);
    }

    private static String[] keys(JsonNode keySchema, Map<String, String> types) {
        String hash = null;
        String range = null;
        for (JsonNode element : keySchema) {
            String attribute = element.path("AttributeName").asText();
            if (!types.containsKey(attribute)) {
                throw DynamoException.validation("One or more parameter values were invalid: Some index key attributes are not defined in "
                        + "AttributeDefinitions. Keys: [" + attribute + "], AttributeDefinitions: " + types.keySet());
            }
            switch (element.path("KeyType").asText()) {
                case "HASH" -> hash = attribute;
                case "RANGE" -> range = attribute;
                default -> throw DynamoException.validation("Invalid KeyType: " + element.path("KeyType").asText());
            }
        }
        if (hash == null) {
            throw DynamoException.validation("1 validation error detected: Value null at 'keySchema' failed to satisfy constraint: Member must not be null");
        }
        return new String[] {hash, range};
    }

    public IndexSchema index(String indexName) {
        for (IndexSchema index : indexes) {
            if (index.name().equals(indexName)) {
                return index;
            }
        }
        throw DynamoException.validation("The table does not have the specified index: " + indexName);
    }

    public String arn() {
        return "arn:aws:dynamodb:us-east-1:000000000000:table/" + name;
    }

    public String streamLabel() {
        return java.time.Instant.ofEpochMilli(createdAtMillis).toString().replace("Z", "");
    }

    public String streamArn() {
        return streamViewType == null ? null : arn() + "/stream/" + streamLabel();
    }
}
