package app.go.local.dynamodb.engine;

import app.go.local.aws.LocalAws;
import app.go.local.dynamodb.DynamoEngine;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static app.go.local.dynamodb.engine.EngineTestSupport.createTable;
import static app.go.local.dynamodb.engine.EngineTestSupport.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("DynamoEngine TTL")
class TimeToLiveTest {
    private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    @DisplayName("the sweep deletes items whose TTL lies before the engine's clock, not real time")
    void sweepFollowsTheClock() {
        try (DynamoEngine engine = DynamoEngine.builder().clock(clock).ttlSweepInterval(Duration.ZERO).start();
             DynamoDbClient client = LocalAws.dynamoDbClient(engine.endpoint())) {
            createTable(client, "ttl", null);
            client.updateTimeToLive(b -> b.tableName("ttl").timeToLiveSpecification(t -> t.attributeName("expiresAt").enabled(true)));
            long now = clock.instant().getEpochSecond();
            client.putItem(b -> b.tableName("ttl").item(Map.of("pk", AttributeValue.fromS("soon"), "expiresAt", AttributeValue.fromN(Long.toString(now + 60)))));
            client.putItem(b -> b.tableName("ttl").item(Map.of("pk", AttributeValue.fromS("later"), "expiresAt", AttributeValue.fromN(Long.toString(now + 3600)))));
            client.putItem(b -> b.tableName("ttl").item(Map.of("pk", AttributeValue.fromS("text"), "expiresAt", AttributeValue.fromS("1"))));
            assertEquals(0, engine.sweepExpiredItems());
            clock.advance(Duration.ofMinutes(2));
            assertTrue(client.getItem(b -> b.tableName("ttl").key(key("soon"))).hasItem(), "expired but not yet swept is still readable");
            assertEquals(1, engine.sweepExpiredItems());
            assertFalse(client.getItem(b -> b.tableName("ttl").key(key("soon"))).hasItem());
            assertTrue(client.getItem(b -> b.tableName("ttl").key(key("later"))).hasItem());
            assertTrue(client.getItem(b -> b.tableName("ttl").key(key("text"))).hasItem(), "a non-number TTL never expires");
        }
    }

    @Test
    @DisplayName("items whose TTL is more than five years in the past are not deleted")
    void ancientTtlIgnored() {
        try (DynamoEngine engine = DynamoEngine.builder().clock(clock).ttlSweepInterval(Duration.ZERO).start();
             DynamoDbClient client = LocalAws.dynamoDbClient(engine.endpoint())) {
            createTable(client, "ttl", null);
            client.updateTimeToLive(b -> b.tableName("ttl").timeToLiveSpecification(t -> t.attributeName("expiresAt").enabled(true)));
            client.putItem(b -> b.tableName("ttl").item(Map.of("pk", AttributeValue.fromS("old"), "expiresAt", AttributeValue.fromN("1000"))));
            assertEquals(0, engine.sweepExpiredItems());
        }
    }

    @Test
    @DisplayName("the background sweep runs on its own; its deletions are stream REMOVE records by the service")
    void backgroundSweepWritesServiceRemoveRecords() throws Exception {
        try (DynamoEngine engine = DynamoEngine.builder().clock(clock).ttlSweepInterval(Duration.ofMillis(50)).start();
             DynamoDbClient client = LocalAws.dynamoDbClient(engine.endpoint());
             DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder().region(software.amazon.awssdk.regions.Region.US_EAST_1)
                     .credentialsProvider(LocalAws.credentials()).endpointOverride(engine.endpoint())
                     .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create()).build()) {
            createTable(client, "ttl", StreamViewType.OLD_IMAGE);
            client.updateTimeToLive(b -> b.tableName("ttl").timeToLiveSpecification(t -> t.attributeName("expiresAt").enabled(true)));
            client.putItem(b -> b.tableName("ttl").item(Map.of("pk", AttributeValue.fromS("x"),
                    "expiresAt", AttributeValue.fromN(Long.toString(clock.instant().getEpochSecond() + 10)))));
            clock.advance(Duration.ofSeconds(11));
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (client.getItem(b -> b.tableName("ttl").key(key("x"))).hasItem() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertFalse(client.getItem(b -> b.tableName("ttl").key(key("x"))).hasItem());
            String arn = client.describeTable(b -> b.tableName("ttl")).table().latestStreamArn();
            String iterator = streams.getShardIterator(b -> b.streamArn(arn).shardIteratorType(ShardIteratorType.TRIM_HORIZON)
                    .shardId(streams.describeStream(d -> d.streamArn(arn)).streamDescription().shards().get(0).shardId())).shardIterator();
            var records = streams.getRecords(b -> b.shardIterator(iterator)).records();
            assertEquals(2, records.size());
            var remove = records.get(1);
            assertEquals("REMOVE", remove.eventNameAsString());
            assertEquals("dynamodb.amazonaws.com", remove.userIdentity().principalId());
            assertEquals("Service", remove.userIdentity().type());
            assertEquals("x", remove.dynamodb().oldImage().get("pk").s());
        }
    }
}
