package app.go.local.dynamodb.engine;

import app.go.local.aws.LocalAws;
import app.go.local.dynamodb.DynamoEngine;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("DynamoEngine with a data directory")
class DurabilityTest {
    /** Each acknowledged write is synced to disk first, so a few dozen prove it as well as hundreds. */
    private static final int ACKNOWLEDGED_BEFORE_KILL = 40;

    @Test
    @DisplayName("kill -9 of the engine's JVM loses no acknowledged write")
    void killLosesNoAcknowledgedWrite(@TempDir Path dir) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashingWriter.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        int lastAcknowledged = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("acked ")) {
                    lastAcknowledged = Integer.parseInt(line.substring(6));
                    if (lastAcknowledged == ACKNOWLEDGED_BEFORE_KILL) {
                        child.destroyForcibly();
                        break;
                    }
                }
            }
        }
        child.waitFor();
        assertEquals(ACKNOWLEDGED_BEFORE_KILL, lastAcknowledged);
        try (DynamoEngine engine = DynamoEngine.builder().dataDirectory(dir).start();
             DynamoDbClient client = LocalAws.dynamoDbClient(engine.endpoint())) {
            for (int i = 0; i <= lastAcknowledged; i++) {
                int n = i;
                assertTrue(client.getItem(b -> b.tableName("crash").key(Map.of("pk", AttributeValue.fromS("k" + n)))).hasItem(), "k" + n);
            }
        }
    }

    @Test
    @DisplayName("a torn record at the end of the journal is cut off; everything before it is kept")
    void tornTailIsTolerated(@TempDir Path dir) throws Exception {
        DynamoEngine first = DynamoEngine.builder().dataDirectory(dir).start();
        try (DynamoDbClient client = LocalAws.dynamoDbClient(first.endpoint())) {
            client.createTable(b -> b.tableName("torn").billingMode("PAY_PER_REQUEST")
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType("S")).keySchema(k -> k.attributeName("pk").keyType("HASH")));
            client.putItem(b -> b.tableName("torn").item(Map.of("pk", AttributeValue.fromS("kept"))));
        }
        // no close(): as after a crash, the writes are only in the journal; then a half-written record
        Files.write(dir.resolve("journal.log"), new byte[] {0, 0, 1, 0, 7, 7, 7, 7, '{', '"'}, StandardOpenOption.APPEND);
        try (DynamoEngine engine = DynamoEngine.builder().dataDirectory(dir).start();
             DynamoDbClient client = LocalAws.dynamoDbClient(engine.endpoint())) {
            assertTrue(client.getItem(b -> b.tableName("torn").key(Map.of("pk", AttributeValue.fromS("kept")))).hasItem());
            client.putItem(b -> b.tableName("torn").item(Map.of("pk", AttributeValue.fromS("after"))));
        }
        try (DynamoEngine engine = DynamoEngine.builder().dataDirectory(dir).start();
             DynamoDbClient client = LocalAws.dynamoDbClient(engine.endpoint())) {
            assertEquals(2, client.scan(b -> b.tableName("torn")).count());
        }
        first.close();
    }

    @Test
    @DisplayName("tables, indexes, TTL settings and items survive a clean restart")
    void survivesRestart(@TempDir Path dir) {
        try (DynamoEngine engine = DynamoEngine.builder().dataDirectory(dir).start();
             DynamoDbClient client = LocalAws.dynamoDbClient(engine.endpoint())) {
            client.createTable(b -> b.tableName("kept").billingMode("PAY_PER_REQUEST")
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"), a -> a.attributeName("g").attributeType("S"))
                    .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                    .globalSecondaryIndexes(i -> i.indexName("byG").keySchema(k -> k.attributeName("g").keyType("HASH")).projection(p -> p.projectionType("ALL"))));
            client.updateTimeToLive(b -> b.tableName("kept").timeToLiveSpecification(t -> t.attributeName("ttl").enabled(true)));
            client.putItem(b -> b.tableName("kept").item(Map.of("pk", AttributeValue.fromS("a"), "g", AttributeValue.fromS("x"))));
            client.deleteItem(b -> b.tableName("kept").key(Map.of("pk", AttributeValue.fromS("nothing"))));
        }
        try (DynamoEngine engine = DynamoEngine.builder().dataDirectory(dir).start();
             DynamoDbClient client = LocalAws.dynamoDbClient(engine.endpoint())) {
            assertEquals(1, client.query(b -> b.tableName("kept").indexName("byG").keyConditionExpression("g = :g")
                    .expressionAttributeValues(Map.of(":g", AttributeValue.fromS("x")))).count());
            assertEquals("ttl", client.describeTimeToLive(b -> b.tableName("kept")).timeToLiveDescription().attributeName());
        }
    }
}
