package app.go.local.aws;

import app.go.support.json.Json;
import app.go.wiring.topology.EventSourceSpec;
import app.go.wiring.topology.QueueSpec;
import app.go.wiring.topology.SystemTopology;
import app.go.wiring.topology.TableSpec;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("TopologyProvisioner on the local DynamoDB engine and ElasticMQ")
class TopologyProvisionerTest {
    private static LocalDynamoDb dynamoDbServer;
    private static LocalSqs sqsServer;
    private static DynamoDbClient dynamoDb;
    private static SqsClient sqs;
    private static ProvisionedResources resources;

    @BeforeAll
    static void startAndProvision() {
        dynamoDbServer = LocalDynamoDb.start();
        sqsServer = LocalSqs.start();
        dynamoDb = LocalAws.dynamoDbClient(dynamoDbServer.endpoint());
        sqs = LocalAws.sqsClient(sqsServer.endpoint());
        resources = new TopologyProvisioner(dynamoDb, sqs).provision();
    }

    @AfterAll
    static void stop() {
        dynamoDb.close();
        sqs.close();
        dynamoDbServer.close();
        sqsServer.close();
    }

    @Test
    @DisplayName("creates every topology table with its string keys, on-demand billing and GSIs projecting ALL")
    void createsEveryTable() {
        for (TableSpec spec : SystemTopology.TABLES) {
            TableDescription table = dynamoDb.describeTable(b -> b.tableName(spec.localName())).table();
            assertEquals(spec.localName(), resources.tableName(spec));
            assertEquals(keys(spec.partitionKey(), spec.sortKey()), keys(table.keySchema()), spec.id());
            assertEquals("PAY_PER_REQUEST", table.billingModeSummary().billingModeAsString(), spec.id());
            table.attributeDefinitions().forEach(d -> assertEquals("S", d.attributeTypeAsString()));
            Map<String, GlobalSecondaryIndexDescription> indexes = table.globalSecondaryIndexes().stream()
                    .collect(Collectors.toMap(GlobalSecondaryIndexDescription::indexName, i -> i));
            assertEquals(spec.indexes().size(), indexes.size(), spec.id());
            for (TableSpec.IndexSpec index : spec.indexes()) {
                GlobalSecondaryIndexDescription actual = indexes.get(index.name());
                assertEquals(keys(index.partitionKey(), index.sortKey()), keys(actual.keySchema()), index.name());
                assertEquals("ALL", actual.projection().projectionTypeAsString(), index.name());
            }
        }
    }

    @Test
    @DisplayName("enables TTL on the attribute the table spec names")
    void enablesTimeToLive() {
        for (TableSpec spec : SystemTopology.TABLES) {
            var ttl = dynamoDb.describeTimeToLive(b -> b.tableName(spec.localName())).timeToLiveDescription();
            if (spec.ttlAttribute().isPresent()) {
                assertEquals("ENABLED", ttl.timeToLiveStatusAsString(), spec.id());
                assertEquals(spec.ttlAttribute().get(), ttl.attributeName(), spec.id());
            } else {
                assertFalse("ENABLED".equals(ttl.timeToLiveStatusAsString()), spec.id());
            }
        }
    }

    @Test
    @DisplayName("provisioning again keeps the existing tables and returns the same names and URLs")
    void provisioningIsRepeatable() {
        ProvisionedResources again = new TopologyProvisioner(dynamoDb, sqs).provision();
        assertEquals(resources, again);
    }

    @Test
    @DisplayName("creates every queue with its DLQ, a redrive policy and the consumer's visibility timeout")
    void createsEveryQueueWithDeadLetterQueue() {
        for (QueueSpec spec : SystemTopology.QUEUES) {
            Map<String, String> queue = attributes(resources.queueUrl(spec));
            Map<String, String> deadLetter = attributes(resources.deadLetterQueueUrl(spec));
            assertTrue(resources.queueUrl(spec).endsWith("/" + spec.localName()), resources.queueUrl(spec));
            assertTrue(resources.deadLetterQueueUrl(spec).endsWith("/" + spec.localDeadLetterName()));

            JsonNode redrive = Json.parse(queue.get("RedrivePolicy"));
            assertEquals(deadLetter.get("QueueArn"), redrive.path("deadLetterTargetArn").asText(), spec.id());
            assertEquals(spec.maxReceiveCount(), redrive.path("maxReceiveCount").asInt(), spec.id());

            EventSourceSpec consumer = SystemTopology.EVENT_SOURCES.stream()
                    .filter(s -> s.queue().equals(spec)).findFirst().orElseThrow();
            assertEquals(Long.toString(consumer.visibilityTimeout().toSeconds()), queue.get("VisibilityTimeout"), spec.id());
        }
    }

    @Test
    @DisplayName("inbound-messages and its DLQ are FIFO with content-based deduplication; the others are standard")
    void inboundMessagesIsFifo() {
        Map<String, String> inbound = attributes(resources.queueUrl(SystemTopology.INBOUND_MESSAGES));
        Map<String, String> inboundDlq = attributes(resources.deadLetterQueueUrl(SystemTopology.INBOUND_MESSAGES));
        assertEquals("true", inbound.get("FifoQueue"));
        assertEquals("true", inbound.get("ContentBasedDeduplication"));
        assertEquals("true", inboundDlq.get("FifoQueue"));
        assertTrue(resources.queueUrl(SystemTopology.INBOUND_MESSAGES).endsWith(".fifo"));
        assertFalse("true".equals(attributes(resources.queueUrl(SystemTopology.RENEWALS)).get("FifoQueue")));
    }

    @Test
    @DisplayName("queue URLs name 127.0.0.1 and ElasticMQ's port, so handlers can use them as they are")
    void queueUrlsCarryHostAndPort() {
        String url = resources.queueUrl(SystemTopology.RENEWALS);
        assertTrue(url.startsWith("http://127.0.0.1:" + sqsServer.port() + "/"), url);
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("{}"));
        assertEquals(1, sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(1)).messages().size());
    }

    @Test
    @DisplayName("a queue no event source consumes gets a 30 s visibility timeout")
    void defaultVisibilityTimeout() {
        QueueSpec orphan = new QueueSpec("orphan", "ORPHAN_QUEUE_URL", false, 3);
        ProvisionedResources created = new TopologyProvisioner(dynamoDb, sqs).provision(List.of(), List.of(orphan), List.of());
        assertEquals("30", attributes(created.queueUrl(orphan)).get("VisibilityTimeout"));
        assertEquals(Duration.ofSeconds(30), TopologyProvisioner.visibilityTimeout(orphan, SystemTopology.EVENT_SOURCES));
    }

    @Test
    @DisplayName("the environment maps each table's, queue's and dead-letter queue's env var to its name or URL, and merges extra entries")
    void environment() {
        Map<String, String> env = resources.environment(Map.of("HANDOFF_STATE_MACHINE_ARN", "arn:sm", "SELLERS_TABLE", "override"));
        assertEquals("go-conversations", env.get("CONVERSATIONS_TABLE"));
        assertEquals("go-idempotency", env.get("IDEMPOTENCY_TABLE"));
        assertEquals(resources.queueUrl(SystemTopology.INBOUND_MESSAGES), env.get("INBOUND_MESSAGES_QUEUE_URL"));
        assertEquals(resources.queueUrl(SystemTopology.GENERATIONS), env.get("GENERATIONS_QUEUE_URL"));
        assertEquals("arn:sm", env.get("HANDOFF_STATE_MACHINE_ARN"));
        assertEquals("override", env.get("SELLERS_TABLE"));
        assertEquals(resources.deadLetterQueueUrl(SystemTopology.INBOUND_MESSAGES), env.get("INBOUND_MESSAGES_DLQ_URL"));
        assertEquals(SystemTopology.TABLES.size() + 2 * SystemTopology.QUEUES.size(), resources.environment().size());
    }

    private static Map<String, String> attributes(String queueUrl) {
        return sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.ALL)).attributesAsStrings();
    }

    private static List<String> keys(String partitionKey, String sortKey) {
        return sortKey == null ? List.of(partitionKey + ":HASH") : List.of(partitionKey + ":HASH", sortKey + ":RANGE");
    }

    private static List<String> keys(List<KeySchemaElement> schema) {
        return schema.stream().map(k -> k.attributeName() + ":" + k.keyTypeAsString()).toList();
    }
}
