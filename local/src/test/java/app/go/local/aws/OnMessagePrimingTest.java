package app.go.local.aws;

import app.go.assistant.handler.OnMessagePriming;
import app.go.adapter.offline.OfflineLanguageModel;
import app.go.support.config.Env;
import app.go.support.log.Log;
import app.go.wiring.topology.SystemTopology;
import app.go.wiring.topology.TableSpec;
import app.go.wiring.Adapters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("SnapStart priming of the message path (OnMessagePriming) on the local DynamoDB engine")
class OnMessagePrimingTest {
    private static LocalDynamoDb dynamoDbServer;
    private static DynamoDbClient dynamoDb;
    private static ProvisionedResources resources;

    @BeforeAll
    static void startAndProvision() {
        dynamoDbServer = LocalDynamoDb.start();
        dynamoDb = LocalAws.dynamoDbClient(dynamoDbServer.endpoint());
        resources = new TopologyProvisioner(dynamoDb, null, false).provision(SystemTopology.TABLES, List.of(), List.of());
    }

    @AfterAll
    static void stop() {
        dynamoDb.close();
        dynamoDbServer.close();
    }

    @Test
    @DisplayName("Priming runs every step of the path against the real tables and leaves every table empty")
    void primesWithoutWriting() {
        assertTrue(new OnMessagePriming(adapters(dynamoDbServer.endpoint().toString())).prime(),
                "every read answered and every write was refused by its condition");
        for (TableSpec table : SystemTopology.TABLES) {
            assertEquals(0, dynamoDb.scan(b -> b.tableName(resources.tableName(table))).count(), table.id() + " holds items after priming");
        }
    }

    @Test
    @DisplayName("With DynamoDB unreachable, priming logs the failed step and returns false instead of throwing")
    void unreachableEndpointIsLoggedAndSwallowed() {
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        Log.redirect(new PrintStream(logged, true, StandardCharsets.UTF_8));
        boolean primed;
        try {
            primed = new OnMessagePriming(adapters("http://127.0.0.1:" + FreePort.find())).prime();
        } finally {
            Log.redirect(System.out);
        }
        assertFalse(primed);
        String log = logged.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("priming step failed") && log.contains("\"step\":\"reads\""), log);
        assertTrue(log.contains("message path primed"), log);
    }

    private static Adapters adapters(String dynamoEndpoint) {
        Map<String, String> env = new HashMap<>(resources.environment());
        env.putAll(Map.of("AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", LocalAws.ACCESS_KEY_ID,
                "AWS_SECRET_ACCESS_KEY", LocalAws.SECRET_ACCESS_KEY, "AWS_ENDPOINT_URL_DYNAMODB", dynamoEndpoint));
        return new Adapters(new Env(env), Clock.systemUTC(), a -> new OfflineLanguageModel(), a -> null);
    }
}
