package app.go.local.aws;

import app.go.domain.creation.Model;
import app.go.domain.creation.ModelStatus;
import app.go.domain.creation.Pricing;
import app.go.adapter.aws.dynamodb.DynamoCreationStore;
import app.go.wiring.topology.SystemTopology;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The creations table adapter's conditional writes against the real engine (the local DynamoDB engine). */
class DynamoCreationStoreIntegrationTest {
    private static final Instant NOW = Instant.parse("2026-02-18T10:00:00Z");
    private static LocalDynamoDb server;
    private static DynamoDbClient dynamo;
    private static DynamoCreationStore store;

    @BeforeAll
    static void start() {
        server = LocalDynamoDb.start();
        dynamo = LocalAws.dynamoDbClient(server.endpoint());
        new TopologyProvisioner(dynamo, null).createTable(SystemTopology.CREATIONS);
        store = new DynamoCreationStore(dynamo, SystemTopology.CREATIONS.localName());
    }

    @AfterAll
    static void stop() {
        dynamo.close();
        server.close();
    }

    @Test
    @DisplayName("CM-MOD-1 of 8 concurrent activations of different models exactly 3 win; re-activating and deactivating work")
    void concurrentActivations() throws Exception {
        String seller = "s-act";
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> tasks = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String modelId = "mdl_" + i;
                tasks.add(() -> store.activateModel(seller, modelId, 3));
            }
            int won = 0;
            for (Future<Boolean> f : pool.invokeAll(tasks)) {
                won += f.get() ? 1 : 0;
            }
            assertEquals(3, won);
        } finally {
            pool.shutdownNow();
        }
        Set<String> active = store.activeModelIds(seller);
        assertEquals(3, active.size());
        String one = active.iterator().next();
        assertTrue(store.activateModel(seller, one, 3), "an active model activates again");
        assertFalse(store.activateModel(seller, "mdl_new", 3));
        store.deactivateModel(seller, one);
        assertTrue(store.activateModel(seller, "mdl_new", 3));
        assertEquals(3, store.activeModelIds(seller).size());
        assertTrue(store.activeModelIds("s-nobody").isEmpty());
        assertTrue(store.models(seller).isEmpty(), "the active-models item is not a model");
    }

    @Test
    @DisplayName("CM-TRN-1 the open-training index lists every seller's models still TRAINING that started by the given time, and none once they moved on")
    void openTrainingIndex() {
        Model draft = Model.draft("mdl_ta", "s-ta", "TATTOO", NOW);
        assertTrue(store.createModel(draft));
        assertTrue(store.replaceModel(draft.training("trn_a", "Tattoo Style #1", NOW), draft));
        assertTrue(store.createModel(Model.draft("mdl_td", "s-ta", "TATTOO", NOW)));
        Model b = Model.draft("mdl_tb", "s-tb", "TATTOO", NOW).training("trn_b", "Tattoo Style #1", NOW.plusSeconds(600));
        assertTrue(store.createModel(b));

        assertEquals(List.of("mdl_ta"), ids(store.trainingsStartedBefore(NOW.plusSeconds(300))));
        assertEquals(Set.of("mdl_ta", "mdl_tb"), Set.copyOf(ids(store.trainingsStartedBefore(NOW.plusSeconds(600)))));
        assertEquals("s-tb", store.trainingsStartedBefore(NOW.plusSeconds(600)).stream()
                .filter(m -> m.id().equals("mdl_tb")).findFirst().orElseThrow().sellerId());

        Model failed = store.model("s-tb", "mdl_tb").orElseThrow().failed(Model.TRAINING_TIMED_OUT, NOW.plusSeconds(2400));
        assertTrue(store.replaceModel(failed, b));
        assertEquals(List.of("mdl_ta"), ids(store.trainingsStartedBefore(NOW.plusSeconds(3600))));
    }

    private static List<String> ids(List<Model> models) {
        return models.stream().map(Model::id).toList();
    }

    @Test
    @DisplayName("CM-MOD-5 the seller's settings and the training state are written separately: neither overwrites the other")
    void settingsAndTrainingStateAreSeparate() {
        Model draft = Model.draft("mdl_split", "s-split", "VOICEOVER", NOW).withAssets(List.of("ast_1"), NOW);
        assertTrue(store.createModel(draft));
        Model training = draft.training("trn_1", "Voiceover Voice #1", NOW);
        assertTrue(store.replaceModel(training, draft));

        // the seller prices the model while the pipeline holds a copy read before that
        Model priced = training.withPricing(Pricing.basePlusIncrement(2_000, 30, 500, 10, Pricing.Unit.SECONDS), NOW)
                .withVisibility(true, false, NOW).withInstructions("calm", NOW).withPublished(true, NOW);
        assertTrue(store.updateModelSettings(priced));
        assertTrue(store.replaceModel(training.ready(NOW.plusSeconds(5)), training));

        Model stored = store.model("s-split", "mdl_split").orElseThrow();
        assertEquals(ModelStatus.READY, stored.status());
        assertEquals(1, stored.trainingsUsed());
        assertEquals(List.of(NOW), stored.trainingStarts());
        assertEquals(priced.pricing(), stored.pricing());
        assertTrue(stored.onServices());
        assertFalse(stored.onProfile());
        assertTrue(stored.published());
        assertEquals("calm", stored.instructions());

        // and a settings write with a stale training state keeps the stored state
        assertTrue(store.updateModelSettings(training.withVisibility(false, true, NOW)));
        Model after = store.model("s-split", "mdl_split").orElseThrow();
        assertEquals(ModelStatus.READY, after.status());
        assertTrue(after.onProfile());
        assertFalse(store.updateModelSettings(Model.draft("mdl_missing", "s-split", "TATTOO", NOW)));
    }
}
