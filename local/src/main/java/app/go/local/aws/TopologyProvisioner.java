package app.go.local.aws;

import app.go.support.json.Json;
import app.go.wiring.topology.EventSourceSpec;
import app.go.wiring.topology.QueueSpec;
import app.go.wiring.topology.SystemTopology;
import app.go.wiring.topology.TableSpec;
import app.go.wiring.topology.TableSpec.IndexSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Creates the tables and queues of {@link SystemTopology} through the real SDK clients, as CDK would:
 * string keys, on-demand billing, GSIs projecting all attributes, TTL; each queue with its DLQ and
 * redrive policy. Tables that already exist (a persisted data directory) are left as they are.
 */
public final class TopologyProvisioner {
    static final Duration DEFAULT_VISIBILITY_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(TopologyProvisioner.class);

    private final DynamoDbClient dynamoDb;
    private final SqsClient sqs;
    private final boolean timeToLive;

    public TopologyProvisioner(DynamoDbClient dynamoDb, SqsClient sqs) {
        this(dynamoDb, sqs, true);
    }

    /**
     * @param timeToLive whether to enable TTL. The local runtime enables it: its engine sweeps by the
     *                   runtime's clock. No rule depends on the sweep: expiry is checked in conditions
     *                   (e.g. {@code expiresAt < :now}).
     */
    public TopologyProvisioner(DynamoDbClient dynamoDb, SqsClient sqs, boolean timeToLive) {
        this.dynamoDb = dynamoDb;
        this.sqs = sqs;
        this.timeToLive = timeToLive;
    }

    /** Every table and queue of the system. */
    public ProvisionedResources provision() {
        return provision(SystemTopology.TABLES, SystemTopology.QUEUES, SystemTopology.EVENT_SOURCES);
    }

    /** The given tables and queues; a queue's visibility timeout comes from the event source consuming it. */
    public ProvisionedResources provision(List<TableSpec> tables, List<QueueSpec> queues, List<EventSourceSpec> eventSources) {
        Map<TableSpec, String> tableNames = new LinkedHashMap<>();
        for (TableSpec table : tables) {
            tableNames.put(table, createTable(table));
        }
        Map<QueueSpec, String> queueUrls = new LinkedHashMap<>();
        Map<QueueSpec, String> deadLetterUrls = new LinkedHashMap<>();
        for (QueueSpec queue : queues) {
            QueueUrls urls = createQueue(queue, visibilityTimeout(queue, eventSources));
            queueUrls.put(queue, urls.queueUrl());
            deadLetterUrls.put(queue, urls.deadLetterQueueUrl());
        }
        return new ProvisionedResources(tableNames, queueUrls, deadLetterUrls);
    }

    /** Creates the table unless it exists; returns its name. */
    public String createTable(TableSpec table) {
        String name = table.localName();
        if (tableExists(name)) {
            log.info("table {} exists", name);
            return name;
        }
        Set<String> keyAttributes = new LinkedHashSet<>();
        keyAttributes.add(table.partitionKey());
        if (table.sortKey() != null) {
            keyAttributes.add(table.sortKey());
        }
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (IndexSpec index : table.indexes()) {
            keyAttributes.add(index.partitionKey());
            if (index.sortKey() != null) {
                keyAttributes.add(index.sortKey());
            }
            indexes.add(GlobalSecondaryIndex.builder()
                    .indexName(index.name())
                    .keySchema(keySchema(index.partitionKey(), index.sortKey()))
                    .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                    .build());
        }
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(keySchema(table.partitionKey(), table.sortKey()))
                .attributeDefinitions(keyAttributes.stream()
                        .map(attribute -> AttributeDefinition.builder()
                                .attributeName(attribute).attributeType(ScalarAttributeType.S).build())
                        .toList());
        if (!indexes.isEmpty()) {
            request.globalSecondaryIndexes(indexes);
        }
        dynamoDb.createTable(request.build());
        if (timeToLive) {
            table.ttlAttribute().ifPresent(attribute -> enableTimeToLive(name, attribute));
        }
        log.info("table {} created", name);
        return name;
    }

    /** Creates the queue and its dead-letter queue (CreateQueue is idempotent for equal attributes). */
    public QueueUrls createQueue(QueueSpec queue, Duration visibilityTimeout) {
        String deadLetterUrl = sqs.createQueue(b -> b.queueName(queue.localDeadLetterName())
                .attributes(fifoAttributes(queue))).queueUrl();
        String deadLetterArn = sqs.getQueueAttributes(b -> b.queueUrl(deadLetterUrl)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);

        Map<QueueAttributeName, String> attributes = new LinkedHashMap<>(fifoAttributes(queue));
        attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, Long.toString(visibilityTimeout.toSeconds()));
        attributes.put(QueueAttributeName.REDRIVE_POLICY, Json.write(Map.of(
                "deadLetterTargetArn", deadLetterArn,
                "maxReceiveCount", queue.maxReceiveCount())));
        String url = sqs.createQueue(b -> b.queueName(queue.localName()).attributes(attributes)).queueUrl();
        log.info("queue {} created (visibility {} s, DLQ after {} receives)",
                queue.localName(), visibilityTimeout.toSeconds(), queue.maxReceiveCount());
        return new QueueUrls(url, deadLetterUrl);
    }

    /** A queue's URL and its dead-letter queue's URL. */
    public record QueueUrls(String queueUrl, String deadLetterQueueUrl) {}

    static Duration visibilityTimeout(QueueSpec queue, List<EventSourceSpec> eventSources) {
        return eventSources.stream()
                .filter(source -> source.queue().equals(queue))
                .map(EventSourceSpec::visibilityTimeout)
                .findFirst()
                .orElse(DEFAULT_VISIBILITY_TIMEOUT);
    }

    private boolean tableExists(String name) {
        try {
            dynamoDb.describeTable(b -> b.tableName(name));
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }

    private void enableTimeToLive(String table, String attribute) {
        try {
            dynamoDb.updateTimeToLive(b -> b.tableName(table)
                    .timeToLiveSpecification(t -> t.attributeName(attribute).enabled(true)));
        } catch (DynamoDbException e) {
            log.warn("TTL on {}.{} not enabled: {}", table, attribute, e.getMessage());
        }
    }

    private static List<KeySchemaElement> keySchema(String partitionKey, String sortKey) {
        List<KeySchemaElement> schema = new ArrayList<>();
        schema.add(KeySchemaElement.builder().attributeName(partitionKey).keyType(KeyType.HASH).build());
        if (sortKey != null) {
            schema.add(KeySchemaElement.builder().attributeName(sortKey).keyType(KeyType.RANGE).build());
        }
        return schema;
    }

    private static Map<QueueAttributeName, String> fifoAttributes(QueueSpec queue) {
        return queue.fifo()
                ? Map.of(QueueAttributeName.FIFO_QUEUE, "true", QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true")
                : Map.of();
    }
}
