package app.go.local.dynamodb.engine;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

import java.util.Map;

/** Tables and values the engine-specific tests share. */
final class EngineTestSupport {
    private EngineTestSupport() {}

    static void createTable(DynamoDbClient client, String name, StreamViewType streamViewType) {
        client.createTable(b -> {
            b.tableName(name).billingMode("PAY_PER_REQUEST")
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"))
                    .keySchema(k -> k.attributeName("pk").keyType("HASH"));
            if (streamViewType != null) {
                b.streamSpecification(s -> s.streamEnabled(true).streamViewType(streamViewType));
            }
        });
    }

    static Map<String, AttributeValue> key(String pk) {
        return Map.of("pk", AttributeValue.fromS(pk));
    }
}
