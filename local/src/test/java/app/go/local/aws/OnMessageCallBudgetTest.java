package app.go.local.aws;

import app.go.local.bench.ReplyCallBudget;
import app.go.wiring.topology.SystemTopology;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 7 item 5 on the local DynamoDB engine through the real SDK and the handler's own wiring:
 * the DynamoDB calls {@code OnMessageHandler} makes for one normal reply, counted by an SDK execution
 * interceptor ({@link ReplyCallBudget}, which the bench reports too).
 */
@DisplayName("PA-LIM-2 / issue 7: a normal reply costs at most 8 DynamoDB calls, its count atomic with it")
class OnMessageCallBudgetTest {
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    private static LocalDynamoDb server;
    private static DynamoDbClient dynamo;
    private static ProvisionedResources resources;

    @BeforeAll
    static void start() {
        server = LocalDynamoDb.start();
        dynamo = LocalAws.dynamoDbClient(server.endpoint());
        resources = new TopologyProvisioner(dynamo, null, false).provision(SystemTopology.TABLES, List.of(), List.of());
    }

    @AfterAll
    static void stop() {
        dynamo.close();
        server.close();
    }

    @Test
    @DisplayName("PA-LIM-2: the third message of a conversation with a saved knowledge base and tone: ≤ 8 calls, one reply, counted once even when delivered twice")
    void normalReplyWithinBudget() {
        ReplyCallBudget.Result result = new ReplyCallBudget(ReplyCallBudget.environment(resources, server.endpoint()),
                Clock.fixed(NOW, ZoneOffset.UTC), "s-budget").measure(5); // the bench measures the p50 with more runs
        List<String> calls = result.calls();
        System.out.println("DynamoDB calls per normal reply: " + calls.size() + " " + calls);
        System.out.printf("warm handler p50 %.1f ms vs %d GetItems p50 %.1f ms (ratio %.1f)%n", result.warm().handlerP50Ms(),
                result.warm().getItems(), result.warm().getItemsP50Ms(), result.warm().ratio());

        assertFalse(result.batchFailed());
        assertEquals(1, result.replies(), "one reply stored");
        assertTrue(calls.size() <= ReplyCallBudget.BUDGET, "DynamoDB calls for one reply: " + calls.size() + " " + calls);
        assertEquals(1, calls.stream().filter("TransactWriteItems"::equals).count(), calls.toString());
        assertEquals(1, result.counted());
        assertEquals(1, result.countedAfterRedelivery(), "counted once");
        assertEquals(1, result.repliesAfterRedelivery());
    }

    @Test
    @DisplayName("PA-LIM-2: the SnapStart priming sends every DynamoDB operation a normal reply sends, so it warms the path replies take")
    void primingWarmsTheReplyPath() {
        ReplyCallBudget.Result result = new ReplyCallBudget(ReplyCallBudget.environment(resources, server.endpoint()),
                Clock.fixed(NOW, ZoneOffset.UTC), "s-priming").measure(1);
        System.out.println("priming sends " + result.priming().calls() + "; a reply " + result.calls());
        assertTrue(result.priming().ok(), "every priming step ran");
        assertTrue(result.priming().covers(result.calls()), "priming " + result.priming().calls() + " vs reply " + result.calls());
    }
}
