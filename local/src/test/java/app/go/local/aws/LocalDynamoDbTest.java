package app.go.local.aws;

import app.go.wiring.topology.SystemTopology;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("LocalDynamoDb")
class LocalDynamoDbTest {

    @Test
    @DisplayName("in memory, one database serves every credential and region")
    void sharesOneDatabaseInMemory() {
        try (LocalDynamoDb server = LocalDynamoDb.start();
             DynamoDbClient local = LocalAws.dynamoDbClient(server.endpoint());
             DynamoDbClient other = DynamoDbClient.builder()
                     .region(Region.EU_WEST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("other", "other")))
                     .httpClient(UrlConnectionHttpClient.create())
                     .endpointOverride(server.endpoint())
                     .build()) {
            new TopologyProvisioner(local, null).createTable(SystemTopology.SELLERS);
            assertEquals(java.util.List.of("go-sellers"), other.listTables().tableNames());
        }
    }

    @Test
    @DisplayName("with a data directory, tables and items survive a restart (on another port)")
    void persistsToDataDirectory(@TempDir Path dataDir) {
        try (LocalDynamoDb server = LocalDynamoDb.start(0, dataDir);
             DynamoDbClient client = LocalAws.dynamoDbClient(server.endpoint())) {
            assertTrue(server.endpoint().toString().startsWith("http://127.0.0.1:"));
            new TopologyProvisioner(client, null).createTable(SystemTopology.IDEMPOTENCY);
            client.putItem(b -> b.tableName("go-idempotency").item(Map.of("pk", AttributeValue.fromS("k1"))));
        }
        try (LocalDynamoDb server = LocalDynamoDb.start(0, dataDir);
             DynamoDbClient client = LocalAws.dynamoDbClient(server.endpoint())) {
            var item = client.getItem(b -> b.tableName("go-idempotency").key(Map.of("pk", AttributeValue.fromS("k1")))).item();
            assertEquals("k1", item.get("pk").s());
        }
    }
}
