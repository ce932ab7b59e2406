package app.go.local.aws;

import app.go.domain.creation.CreationOrder;
import app.go.domain.creation.Generation;
import app.go.domain.creation.GenerationStatus;
import app.go.domain.creation.ImageSize;
import app.go.domain.creation.Model;
import app.go.domain.report.Report;
import app.go.adapter.aws.dynamodb.DynamoCreationStore;
import app.go.adapter.aws.dynamodb.DynamoGenerationStore;
import app.go.adapter.aws.dynamodb.DynamoReportStore;
import app.go.wiring.topology.SystemTopology;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Generations, orders and reports in the creations table, against the real engine (the local DynamoDB engine). */
class DynamoGenerationStoreIntegrationTest {
    private static final Instant NOW = Instant.parse("2026-03-08T09:00:00Z");
    private static LocalDynamoDb server;
    private static DynamoDbClient dynamo;
    private static DynamoGenerationStore store;

    @BeforeAll
    static void start() {
        server = LocalDynamoDb.start();
        dynamo = LocalAws.dynamoDbClient(server.endpoint());
        new TopologyProvisioner(dynamo, null).createTable(SystemTopology.CREATIONS);
        store = new DynamoGenerationStore(dynamo, SystemTopology.CREATIONS.localName());
    }

    @AfterAll
    static void stop() {
        dynamo.close();
        server.close();
    }

    @Test
    @DisplayName("CM-GEN-6 DATA-2 generations and orders live under the seller's partition, are found by id alone, and change only by conditional writes")
    void generationsAndOrders() {
        new DynamoCreationStore(dynamo, SystemTopology.CREATIONS.localName())
                .createModel(Model.draft("mdl_g", "s-gen", "TATTOO", NOW));
        assertEquals("s-gen", store.sellerOfModel("mdl_g").orElseThrow());
        assertTrue(store.sellerOfModel("mdl_none").isEmpty());

        Generation pending = Generation.requested("gen_a1", "s-gen", "mdl_g", "c-1", "a rose", 2, 3_000, "USD", NOW);
        assertTrue(store.createGeneration(pending));
        assertFalse(store.createGeneration(pending));
        assertEquals(pending, store.findGeneration("gen_a1").orElseThrow());
        assertTrue(store.sellerOfModel("gen_a1").isEmpty(), "a generation id is not a model id");

        Generation ready = pending.ready("image/png", NOW.plusSeconds(5));
        assertTrue(store.replaceGeneration(ready, GenerationStatus.PENDING));
        assertFalse(store.replaceGeneration(pending.failed("late", NOW), GenerationStatus.PENDING), "PENDING to READY happens once");
        assertEquals(GenerationStatus.READY, store.generation("s-gen", "gen_a1").orElseThrow().status());

        CreationOrder order = CreationOrder.paid(ready, "ch_1", NOW.plusSeconds(10));
        assertTrue(store.createOrder(order));
        assertFalse(store.createOrder(order));
        assertEquals(order, store.findOrder(order.id()).orElseThrow());
        CreationOrder approved = order.approve(NOW.plusSeconds(20));
        assertTrue(store.replaceOrder(approved, order.version()));
        assertFalse(store.replaceOrder(order.approve(NOW), order.version()), "a stale version changes nothing");
        assertEquals(approved, store.order("s-gen", order.id()).orElseThrow());
        assertEquals(List.of(approved), store.orders("s-gen"));
        assertTrue(store.orders("s-other").isEmpty());

        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(SystemTopology.CREATIONS.localName())
                .key(Map.of("pk", AttributeValue.fromS("SELLER#s-gen"), "sk", AttributeValue.fromS("ORDER#" + order.id())))).item();
        assertEquals("c-1", item.get("clientId").s());
        assertFalse(item.get("countsTowardSellerStats").bool());
        assertFalse(item.containsKey("content"), "no bytes in the table");
    }

    @Test
    @DisplayName("CM-GEN-8 a requested size is stored as width and height on the generation's item and read back; without one the item has neither")
    void requestedSizeRoundTrips() {
        Generation sized = Generation.requested("gen_sz1", "s-size", "mdl_s", "c-1", "a wide rose", 1, 1_500, "USD", NOW,
                new ImageSize(640, 480));
        Generation plain = Generation.requested("gen_sz2", "s-size", "mdl_s", "c-1", "a rose", 1, 1_500, "USD", NOW);
        assertTrue(store.createGeneration(sized));
        assertTrue(store.createGeneration(plain));
        assertTrue(store.replaceGeneration(sized.ready("image/png", NOW.plusSeconds(5)), GenerationStatus.PENDING));

        assertEquals(new ImageSize(640, 480), store.findGeneration("gen_sz1").orElseThrow().size());
        assertEquals(sized.ready("image/png", NOW.plusSeconds(5)), store.generation("s-size", "gen_sz1").orElseThrow());
        assertEquals(plain, store.findGeneration("gen_sz2").orElseThrow());
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(SystemTopology.CREATIONS.localName())
                .key(Map.of("pk", AttributeValue.fromS("SELLER#s-size"), "sk", AttributeValue.fromS("GENERATION#gen_sz2")))).item();
        assertFalse(item.containsKey("width") || item.containsKey("height"), item.toString());
    }

    @Test
    @DisplayName("CM-GEN-7 reports are stored under the seller the target belongs to")
    void reports() {
        DynamoReportStore reports = new DynamoReportStore(dynamo, SystemTopology.CREATIONS.localName());
        Report report = new Report("rep_1", "s-rep", Report.TargetType.MODEL, "mdl_x", "c-9", "CLIENT", "copies art", NOW);
        reports.save(report);
        assertEquals(List.of(report), reports.reports("s-rep"));
        assertTrue(reports.reports("s-gen").isEmpty());
    }
}
