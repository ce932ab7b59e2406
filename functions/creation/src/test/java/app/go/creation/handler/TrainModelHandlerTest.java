package app.go.creation.handler;

import app.go.adapter.media.JdkMediaInspector;
import app.go.domain.port.StyleDescriber;

import app.go.domain.creation.Asset;
import app.go.domain.creation.AssetSource;
import app.go.domain.creation.AssetValidationFailedException;
import app.go.domain.creation.CreationService;
import app.go.domain.creation.MediaKind;
import app.go.domain.creation.Model;
import app.go.domain.creation.ModelStatus;
import app.go.domain.creation.Subcategories;
import app.go.domain.creation.TrainingPipeline;
import app.go.domain.seller.SellerAccount;
import app.go.testing.InMemoryBlobStore;
import app.go.testing.InMemoryCreationStore;
import app.go.testing.InMemorySellerStore;
import app.go.testing.RecordingWorkflowStarter;
import app.go.testing.TestMedia;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drives the handler with the inputs training.asl.json gives it. */
class TrainModelHandlerTest {
    private final InMemoryCreationStore store = new InMemoryCreationStore();
    private final InMemorySellerStore sellers = new InMemorySellerStore();
    private final InMemoryBlobStore blobs = new InMemoryBlobStore();
    private final RecordingWorkflowStarter workflows = new RecordingWorkflowStarter();
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
    private final CreationService service = new CreationService(store, sellers, blobs, workflows, Subcategories.standard(), new JdkMediaInspector(), clock);
    private final TrainModelHandler handler = new TrainModelHandler(
            new TrainingPipeline(store, sellers, blobs, Subcategories.standard(), new JdkMediaInspector(),
            StyleDescriber.MEASURED, clock));

    @SuppressWarnings("unchecked")
    private Map<String, Object> started(String subcategory, MediaKind kind, byte[] content, String filename) {
        sellers.saveAccount(new SellerAccount("s-1", 2, false, "UTC", false));
        sellers.offers("s-1", subcategory);
        Asset asset = service.uploadAsset("s-1", new CreationService.Upload(kind, Base64.getEncoder().encodeToString(content),
                filename, AssetSource.UPLOAD, List.of(), true));
        Model model = service.createModel("s-1", subcategory);
        service.setAssets("s-1", model.id(), List.of(asset.id()));
        Model training = service.startTraining("s-1", model.id());
        return new HashMap<>((Map<String, Object>) workflows.started().get("training-" + model.id() + "-" + training.trainingId()));
    }

    private Map<String, Object> step(Map<String, Object> execution, String step) {
        Map<String, Object> input = new HashMap<>(execution);
        input.put("step", step);
        return handler.handleRequest(input, null);
    }

    @Test
    @DisplayName("CM-TRN-1 VALIDATE, TRAIN and FINISH (retried) take the model to READY once")
    void happyPath() {
        Map<String, Object> execution = started("TATTOO", MediaKind.IMAGE, TestMedia.png(1024, 1024, Color.BLACK), "a.png");
        String modelId = (String) execution.get("modelId");
        assertEquals(List.of("1 images; 10 to 50 are recommended"), step(execution, "VALIDATE").get("warnings"));
        String key = (String) step(execution, "TRAIN").get("artifactKey");
        assertTrue(blobs.keys().contains(key));
        assertEquals("READY", step(execution, "FINISH").get("status"));
        assertEquals("READY", step(execution, "FINISH").get("status"));
        Model model = service.model("s-1", modelId);
        assertEquals(ModelStatus.READY, model.status());
        assertEquals(1, model.trainingsUsed());
        assertEquals("Tattoo Style #1", model.name());
        assertEquals(1, sellers.notifications("s-1").size());
    }

    @Test
    @DisplayName("CM-AST-2 an asset that is gone by VALIDATE fails it with a named error, and FAIL marks the model FAILED")
    void failurePath() {
        // a 5 s voiceover no longer gets this far: startTraining refuses it (ASSETS_INVALID, issue 10)
        Map<String, Object> execution = started("VOICEOVER", MediaKind.AUDIO, TestMedia.wav(31), "a.wav");
        Model current = service.model("s-1", (String) execution.get("modelId"));
        var asset = store.asset("s-1", current.assetIds().get(0)).orElseThrow();
        blobs.delete(asset.blobKey());
        blobs.delete(app.go.domain.creation.AssetFacts.key(asset));
        var error = assertThrows(AssetValidationFailedException.class, () -> step(execution, "VALIDATE"));
        // what the Catch (ResultPath $.error) hands to MarkFailed
        Map<String, Object> failInput = new HashMap<>(execution);
        failInput.put("error", Map.of("Error", error.getClass().getName(),
                "Cause", "{\"errorMessage\":\"" + error.getMessage() + "\",\"errorType\":\"" + error.getClass().getName() + "\"}"));
        assertEquals("FAILED", step(failInput, "FAIL").get("status"));
        assertEquals("FAILED", step(failInput, "FAIL").get("status"));
        Model model = service.model("s-1", (String) execution.get("modelId"));
        assertEquals(ModelStatus.FAILED, model.status());
        assertTrue(model.failureReason().startsWith("AssetValidationFailedException: "), model.failureReason());
        assertEquals(0, model.trainingsUsed());
    }

    @Test
    @DisplayName("CM-TRN-1 an unknown step or missing field is an error")
    void badInput() {
        assertThrows(IllegalArgumentException.class, () -> handler.handleRequest(Map.of("step", "NOPE", "sellerId", "s",
                "modelId", "m", "trainingId", "t"), null));
        assertThrows(IllegalArgumentException.class, () -> handler.handleRequest(Map.of("step", "TRAIN"), null));
    }
}
