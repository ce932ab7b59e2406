package app.go.local.dynamodb.engine;

import app.go.local.aws.LocalAws;
import app.go.local.dynamodb.DynamoEngine;
import app.go.local.dynamodb.faults.Fault;
import app.go.local.dynamodb.faults.Operation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static app.go.local.dynamodb.engine.EngineTestSupport.createTable;
import static app.go.local.dynamodb.engine.EngineTestSupport.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("DynamoEngine fault injection")
class FaultInjectionTest {
    private DynamoEngine engine;
    private DynamoDbClient client;
    private DynamoDbClient noRetries;

    @BeforeEach
    void start() {
        engine = DynamoEngine.inMemory();
        client = LocalAws.dynamoDbClient(engine.endpoint());
        noRetries = DynamoDbClient.builder().region(Region.US_EAST_1).credentialsProvider(LocalAws.credentials())
                .httpClient(UrlConnectionHttpClient.create()).endpointOverride(engine.endpoint())
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD).retryStrategy(r -> r.maxAttempts(1))).build();
        createTable(client, "tbl", null);
        createTable(client, "other", null);
    }

    @AfterEach
    void stop() {
        noRetries.close();
        client.close();
        engine.close();
    }

    private void putT(DynamoDbClient c, String table) {
        c.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS("a"))));
    }

    @Test
    @DisplayName("THROTTLE answers ProvisionedThroughputExceededException and writes nothing")
    void throttle() {
        engine.faults().next(Operation.PUT_ITEM, "tbl", 1, Fault.THROTTLE);
        assertThrows(ProvisionedThroughputExceededException.class, () -> putT(noRetries, "tbl"));
        assertFalse(client.getItem(b -> b.tableName("tbl").key(key("a"))).hasItem());
    }

    @Test
    @DisplayName("a throttle for the next 2 calls is absorbed by the SDK's retries")
    void sdkRetriesThrough() {
        engine.faults().next(Operation.PUT_ITEM, "tbl", 2, Fault.THROTTLE);
        putT(client, "tbl");
        assertTrue(client.getItem(b -> b.tableName("tbl").key(key("a"))).hasItem());
        assertEquals(0, engine.faults().pending());
    }

    @Test
    @DisplayName("THROTTLING answers ThrottlingException")
    void throttling() {
        engine.faults().next(Operation.GET_ITEM, null, 1, Fault.THROTTLING);
        DynamoDbException e = assertThrows(DynamoDbException.class, () -> noRetries.getItem(b -> b.tableName("tbl").key(key("a"))));
        assertEquals("ThrottlingException", e.awsErrorDetails().errorCode());
    }

    @Test
    @DisplayName("INTERNAL_ERROR answers 500 InternalServerError")
    void internalError() {
        engine.faults().next(Operation.QUERY, "tbl", 1, Fault.INTERNAL_ERROR);
        DynamoDbException e = assertThrows(DynamoDbException.class, () -> noRetries.query(b -> b.tableName("tbl")
                .keyConditionExpression("pk = :p").expressionAttributeValues(Map.of(":p", AttributeValue.fromS("a")))));
        assertEquals(500, e.statusCode());
        assertEquals("InternalServerError", e.awsErrorDetails().errorCode());
    }

    @Test
    @DisplayName("a fault on one table leaves calls on other tables alone")
    void otherTablesUnaffected() {
        engine.faults().next(Operation.PUT_ITEM, "tbl", 1, Fault.THROTTLE);
        putT(noRetries, "other");
        assertEquals(1, engine.faults().pending());
    }

    @Test
    @DisplayName("TRANSACTION_CONFLICT cancels the transaction with TransactionConflict reasons")
    void transactionConflict() {
        engine.faults().next(Operation.TRANSACT_WRITE_ITEMS, null, 1, Fault.TRANSACTION_CONFLICT);
        TransactionCanceledException e = assertThrows(TransactionCanceledException.class, () -> noRetries.transactWriteItems(b -> b.transactItems(
                t -> t.put(p -> p.tableName("tbl").item(Map.of("pk", AttributeValue.fromS("x")))),
                t -> t.put(p -> p.tableName("other").item(Map.of("pk", AttributeValue.fromS("y")))))));
        assertEquals(2, e.cancellationReasons().size());
        assertEquals("TransactionConflict", e.cancellationReasons().get(0).code());
        assertFalse(client.getItem(b -> b.tableName("tbl").key(key("x"))).hasItem());
    }

    @Test
    @DisplayName("a delay holds the call back and then runs it")
    void delay() {
        engine.faults().next(Operation.PUT_ITEM, "tbl", 1, Fault.delay(Duration.ofMillis(300)));
        long started = System.nanoTime();
        putT(noRetries, "tbl");
        assertTrue(System.nanoTime() - started >= Duration.ofMillis(300).toNanos());
        assertTrue(client.getItem(b -> b.tableName("tbl").key(key("a"))).hasItem());
    }

    @Test
    @DisplayName("the HTTP control path arms and clears faults")
    void httpControlPath() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI faults = engine.endpoint().resolve("/local/faults");
        HttpResponse<String> armed = http.send(HttpRequest.newBuilder(faults).POST(HttpRequest.BodyPublishers.ofString(
                "{\"operation\":\"PutItem\",\"table\":\"tbl\",\"times\":3,\"fault\":\"THROTTLE\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, armed.statusCode());
        assertEquals(3, engine.faults().pending());
        http.send(HttpRequest.newBuilder(faults).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(0, engine.faults().pending());
    }
}
