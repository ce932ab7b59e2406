package app.go.domain.creation;

import app.go.adapter.media.JdkMediaInspector;
import app.go.adapter.offline.OfflineAssetGenerator;
import app.go.domain.port.StyleDescriber;
import app.go.domain.seller.SellerAccount;
import app.go.support.json.Json;
import app.go.testing.InMemoryBlobStore;
import app.go.testing.InMemoryCreationStore;
import app.go.testing.InMemorySellerStore;
import app.go.testing.LabelledMedia;
import app.go.testing.RecordingWorkflowStarter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CM-TRN-1 "seconds to minutes": 50 images of 1024² train in at most 10 s here; assets are decoded once. */
class TrainingSpeedTest {
    private static final String SELLER = "s-1";

    @Test
    @DisplayName("CM-TRN-1 50 images of 1024x1024: decoded once at upload, then validated and trained in <= 10 s; offline generation latency")
    void fiftyImagesTrainFast() throws Exception {
        InMemoryCreationStore store = new InMemoryCreationStore();
        InMemorySellerStore sellers = new InMemorySellerStore();
        InMemoryBlobStore blobs = new InMemoryBlobStore();
        Clock clock = Clock.systemUTC();
        JdkMediaInspector inspector = new JdkMediaInspector();
        CreationService service = new CreationService(store, sellers, blobs, new RecordingWorkflowStarter(),
                Subcategories.standard(), inspector, clock);
        TrainingPipeline pipeline = new TrainingPipeline(store, sellers, blobs, Subcategories.standard(), inspector,
                StyleDescriber.MEASURED, clock);
        sellers.saveAccount(new SellerAccount(SELLER, 2, false, "UTC", false));
        sellers.offers(SELLER, "ILLUSTRATION");
        List<String> uploads = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            uploads.add(Base64.getEncoder().encodeToString(LabelledMedia.png(LabelledMedia.artwork(7_000 + i % 10, 1024))));
        }

        long started = System.nanoTime();
        List<String> ids = new ArrayList<>();
        for (String content : uploads) {
            ids.add(service.uploadAsset(SELLER, new CreationService.Upload(MediaKind.IMAGE, content, "a.png",
                    AssetSource.UPLOAD, List.of(), true)).id());
        }
        long measured = System.nanoTime();
        Model model = service.setAssets(SELLER, service.createModel(SELLER, "ILLUSTRATION").id(), ids);
        String trainingId = service.startTraining(SELLER, model.id()).trainingId();
        pipeline.validate(SELLER, model.id(), trainingId);
        String key = pipeline.train(SELLER, model.id(), trainingId);
        Model ready = pipeline.finish(SELLER, model.id(), trainingId);
        long trained = System.nanoTime();

        Model generating = ready;
        byte[] profile = blobs.get(key).orElseThrow();
        OfflineAssetGenerator generator = new OfflineAssetGenerator();
        long genStart = System.nanoTime();
        int runs = 5;
        for (int i = 0; i < runs; i++) {
            Previews.protect(generator.generate(generating, profile, "a lighthouse at dusk " + i, 1));
        }
        long genEnd = System.nanoTime();

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("images", 50);
        figures.put("decodeAndMeasureMs", (measured - started) / 1_000_000);
        figures.put("checksAndTrainingMs", (trained - measured) / 1_000_000);
        figures.put("totalMs", (trained - started) / 1_000_000);
        figures.put("offlineImageGenerationWithPreviewMs", (genEnd - genStart) / 1_000_000 / runs);
        StyleProfile learned = StyleProfile.parse(profile);
        figures.put("references", learned.referenceKeys().size());
        figures.put("consistency", learned.consistency());
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "training-speed.json"), Json.write(figures));
        System.out.println("training " + Json.write(figures));

        assertEquals(ModelStatus.READY, ready.status());
        assertEquals(StyleProfile.MAX_REFERENCES, learned.referenceKeys().size());
        assertTrue(ready.warnings().stream().anyMatch(w -> w.contains("near-duplicate")), "10 distinct works, each 5 times");
        assertTrue((trained - started) / 1_000_000 <= 10_000, figures.toString());
    }
}
