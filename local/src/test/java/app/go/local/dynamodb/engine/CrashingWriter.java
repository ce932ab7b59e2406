package app.go.local.dynamodb.engine;

import app.go.local.aws.LocalAws;
import app.go.local.dynamodb.DynamoEngine;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.file.Path;
import java.util.Map;

/** Child-JVM main for the crash test: writes items, printing each acknowledged one, until killed. */
public final class CrashingWriter {
    private CrashingWriter() {}

    public static void main(String[] args) {
        DynamoEngine engine = DynamoEngine.builder().dataDirectory(Path.of(args[0])).start();
        DynamoDbClient client = LocalAws.dynamoDbClient(engine.endpoint());
        client.createTable(b -> b.tableName("crash").billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"))
                .keySchema(k -> k.attributeName("pk").keyType("HASH")));
        for (int i = 0; ; i++) {
            int n = i;
            client.putItem(b -> b.tableName("crash").item(Map.of("pk", AttributeValue.fromS("k" + n), "v", AttributeValue.fromN(Integer.toString(n)))));
            System.out.println("acked " + n);
            System.out.flush();
        }
    }
}
