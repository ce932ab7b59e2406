package app.go.local.dynamodb.engine;

import app.go.local.aws.LocalAws;
import app.go.local.dynamodb.DynamoEngine;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static app.go.local.dynamodb.engine.EngineTestSupport.createTable;
import static app.go.local.dynamodb.engine.EngineTestSupport.key;
import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("DynamoEngine under concurrent clients")
class ConcurrencyTest {

    @Test
    @DisplayName("8 threads racing attribute_not_exists(pk) on one key: exactly one wins each key")
    void conditionalPutHasOneWinner() throws Exception {
        try (DynamoEngine engine = DynamoEngine.inMemory(); DynamoDbClient client = LocalAws.dynamoDbClient(engine.endpoint())) {
            createTable(client, "once", null);
            AtomicInteger wins = new AtomicInteger();
            run(8, thread -> {
                for (int k = 0; k < 50; k++) {
                    int key = k;
                    try {
                        client.putItem(b -> b.tableName("once").item(Map.of("pk", AttributeValue.fromS("k" + key),
                                "by", AttributeValue.fromN(Integer.toString(thread)))).conditionExpression("attribute_not_exists(pk)"));
                        wins.incrementAndGet();
                    } catch (ConditionalCheckFailedException e) {
                        // another thread was first
                    }
                }
            });
            assertEquals(50, wins.get());
        }
    }

    @Test
    @DisplayName("8 threads moving money between two items in transactions never lose or create any")
    void transactionsConserveTotal() throws Exception {
        try (DynamoEngine engine = DynamoEngine.inMemory(); DynamoDbClient client = LocalAws.dynamoDbClient(engine.endpoint())) {
            createTable(client, "acc", null);
            client.putItem(b -> b.tableName("acc").item(Map.of("pk", AttributeValue.fromS("a"), "cents", AttributeValue.fromN("1000"))));
            client.putItem(b -> b.tableName("acc").item(Map.of("pk", AttributeValue.fromS("b"), "cents", AttributeValue.fromN("1000"))));
            AtomicInteger committed = new AtomicInteger();
            run(8, thread -> {
                String from = thread % 2 == 0 ? "a" : "b";
                String to = thread % 2 == 0 ? "b" : "a";
                for (int i = 0; i < 40; i++) {
                    try {
                        client.transactWriteItems(b -> b.transactItems(
                                t -> t.update(u -> u.tableName("acc").key(key(from)).updateExpression("SET cents = cents - :x")
                                        .conditionExpression("cents >= :x").expressionAttributeValues(Map.of(":x", AttributeValue.fromN("7")))),
                                t -> t.update(u -> u.tableName("acc").key(key(to)).updateExpression("ADD cents :x")
                                        .expressionAttributeValues(Map.of(":x", AttributeValue.fromN("7"))))));
                        committed.incrementAndGet();
                    } catch (TransactionCanceledException e) {
                        // not enough money at that moment
                    }
                }
            });
            long a = Long.parseLong(client.getItem(b -> b.tableName("acc").key(key("a"))).item().get("cents").n());
            long b = Long.parseLong(client.getItem(x -> x.tableName("acc").key(key("b"))).item().get("cents").n());
            assertEquals(2000, a + b);
        }
    }

    interface Work {
        void run(int thread) throws Exception;
    }

    private static void run(int threads, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                work.run(thread);
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
    }
}
