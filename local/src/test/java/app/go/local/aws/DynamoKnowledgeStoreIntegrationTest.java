package app.go.local.aws;

import app.go.adapter.aws.dynamodb.DynamoKnowledgeStore;
import app.go.domain.knowledge.KnowledgeEntry;
import app.go.domain.knowledge.SavedKnowledge;
import app.go.wiring.topology.SystemTopology;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The knowledge base stored one item per entry, against the local DynamoDB engine. */
class DynamoKnowledgeStoreIntegrationTest {
    private static LocalDynamoDb server;
    private static DynamoDbClient dynamo;
    private static DynamoKnowledgeStore store;

    @BeforeAll
    static void start() {
        server = LocalDynamoDb.start();
        dynamo = LocalAws.dynamoDbClient(server.endpoint());
        new TopologyProvisioner(dynamo, null, false).createTable(SystemTopology.SELLERS);
        store = new DynamoKnowledgeStore(dynamo, SystemTopology.SELLERS.localName());
    }

    @AfterAll
    static void stop() {
        dynamo.close();
        server.close();
    }

    private static List<KnowledgeEntry> entries(int count, String answer) {
        List<KnowledgeEntry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(new KnowledgeEntry("kb-" + i, KnowledgeEntry.Scope.GENERAL, null, "Question " + i, answer,
                    KnowledgeEntry.Source.SELLER));
        }
        return entries;
    }

    private static long itemsWithPrefix(String sellerId, String prefix) {
        return dynamo.query(b -> b.tableName(SystemTopology.SELLERS.localName()).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :p)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("SELLER#" + sellerId),
                        ":p", AttributeValue.fromS(prefix)))).count();
    }

    @Test
    @DisplayName("PA-KB-1 the largest knowledge base the limits allow (200 entries of 2,000 characters, 4-byte characters) is saved and read back whole: one item per entry")
    void largestBaseFits() {
        String answer = "\uD83D\uDE00".repeat(600); // 1,200 UTF-16 chars, 2,400 UTF-8 bytes per answer
        List<KnowledgeEntry> entries = entries(KnowledgeServiceLimits.MAX_ENTRIES, answer);
        store.save("kb-big", new SavedKnowledge(entries, Set.of("gen-1", "gen-2"), Instant.parse("2026-03-01T00:00:00Z")));
        SavedKnowledge read = store.saved("kb-big").orElseThrow();
        assertEquals(entries, read.entries());
        assertEquals(Set.of("gen-1", "gen-2"), read.generatedIdsSeen());
        assertEquals(KnowledgeServiceLimits.MAX_ENTRIES, itemsWithPrefix("kb-big", "KB#ENTRY#"));
    }

    @Test
    @DisplayName("PA-KB-2 a save replaces the previous one whole (no stale entries left), and restoring defaults removes every entry item")
    void saveReplacesAndDeleteRemoves() {
        store.save("kb-r", new SavedKnowledge(entries(5, "five"), Set.of(), Instant.parse("2026-03-01T00:00:00Z")));
        store.save("kb-r", new SavedKnowledge(entries(2, "two"), Set.of(), Instant.parse("2026-03-02T00:00:00Z")));
        assertEquals(entries(2, "two"), store.saved("kb-r").orElseThrow().entries());
        assertEquals(2, itemsWithPrefix("kb-r", "KB#ENTRY#"));
        store.deleteSaved("kb-r");
        assertTrue(store.saved("kb-r").isEmpty());
        assertEquals(0, itemsWithPrefix("kb-r", "KB#ENTRY#"));
    }

    @Test
    @DisplayName("Concurrent saves: every read sees one whole save (never a mix), and the last switch wins")
    void concurrentSavesStayWhole() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> saves = new ArrayList<>();
            for (int n = 1; n <= 6; n++) {
                int size = n;
                saves.add(pool.submit(() -> store.save("kb-c", new SavedKnowledge(entries(size, "v" + size), Set.of(),
                        Instant.parse("2026-03-01T00:00:00Z")))));
            }
            for (int i = 0; i < 30; i++) {
                store.saved("kb-c").ifPresent(read -> {
                    String version = read.entries().get(0).answer();
                    assertEquals(entries(read.entries().size(), version), read.entries(), "a mix of two saves");
                });
            }
            for (Future<?> save : saves) {
                save.get();
            }
        } finally {
            pool.shutdownNow();
        }
        SavedKnowledge last = store.saved("kb-c").orElseThrow();
        assertEquals(last.entries().size(), itemsWithPrefix("kb-c", "KB#ENTRY#"), "replaced generations are deleted");
    }

    /** The domain's bound, named here so the test says which limit it fills. */
    private static final class KnowledgeServiceLimits {
        static final int MAX_ENTRIES = app.go.domain.knowledge.KnowledgeService.MAX_ENTRIES;
    }
}
