package app.go.domain.creation;

import app.go.adapter.media.JdkMediaInspector;
import app.go.domain.port.StyleDescriber;
import app.go.domain.port.TextInImageDetector;
import app.go.domain.seller.SellerAccount;
import app.go.support.errors.DomainException;
import app.go.support.json.Json;
import app.go.testing.InMemoryBlobStore;
import app.go.testing.InMemoryCreationStore;
import app.go.testing.InMemorySellerStore;
import app.go.testing.LabelledMedia;
import app.go.testing.RecordingWorkflowStarter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CM-AST-6: the text and watermark check runs through the port, once per image, and an outage is a 503, never a pass. */
class TextCheckTest {
    private static final String SELLER = "s-1";

    private final InMemoryCreationStore store = new InMemoryCreationStore();
    private final InMemorySellerStore sellers = new InMemorySellerStore();
    private final InMemoryBlobStore blobs = new InMemoryBlobStore();
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicInteger calls = new AtomicInteger();
    private final List<byte[]> marked = new ArrayList<>();
    /** A detector that reads "© SAMPLE" on the marked images. */
    private final TextInImageDetector detector = (image, measured) -> {
        calls.incrementAndGet();
        if (down.get()) {
            throw new TextInImageDetector.Unavailable("DetectText failed (ThrottlingException)", null);
        }
        assertNotNull(measured, "the detector gets the measured facts too");
        return marked.stream().anyMatch(m -> java.util.Arrays.equals(m, image))
                ? new TextFinding(0.04, List.of("\u00a9 SAMPLE")) : TextFinding.NONE;
    };
    private final CreationService service = new CreationService(store, sellers, blobs, new RecordingWorkflowStarter(),
            Subcategories.standard(), new JdkMediaInspector(), detector, CreationPlan.Lookup.none(), clock);

    @BeforeEach
    void eligibleSeller() {
        sellers.saveAccount(new SellerAccount(SELLER, 2, false, "UTC", false));
        sellers.offers(SELLER, "TATTOO");
    }

    private Asset upload(byte[] png) {
        return service.uploadAsset(SELLER, new CreationService.Upload(MediaKind.IMAGE, Base64.getEncoder().encodeToString(png),
                "a.png", AssetSource.UPLOAD, List.of("style"), true));
    }

    private List<Asset> artworks(int count, int watermarked) {
        List<Asset> assets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            var art = LabelledMedia.artwork(500 + i, 256);
            byte[] png = LabelledMedia.png(i < watermarked ? LabelledMedia.watermarked(art, i) : art);
            if (i < watermarked) {
                marked.add(png);
            }
            assets.add(upload(png));
        }
        return assets;
    }

    private static List<String> ids(List<Asset> assets) {
        return assets.stream().map(Asset::id).toList();
    }

    @Test
    @DisplayName("CM-AST-6 PUT assets warns 'carries text or a watermark' for the images the detector reads text on, asking once per image")
    void watermarkWarning() {
        List<Asset> assets = artworks(3, 1);
        assertEquals(3, calls.get(), "asked at upload");
        Model model = service.createModel(SELLER, "TATTOO");

        Model updated = service.setAssets(SELLER, model.id(), ids(assets));

        List<String> text = updated.warnings().stream().filter(w -> w.contains("carries text or a watermark")).toList();
        assertEquals(List.of(assets.get(0).id() + ": carries text or a watermark (\"\u00a9 SAMPLE\"); use images without text,"
                + " logos or marks"), text);
        service.checkAssets(SELLER, model.id());
        assertEquals(3, calls.get(), "the finding is stored with the facts, not asked again");
    }

    @Test
    @DisplayName("CM-AST-6 a detector outage at upload leaves the check open; PUT assets and train answer 503 TEXT_CHECK_UNAVAILABLE and nothing changes")
    void outageIsAClearFailure() {
        down.set(true);
        List<Asset> assets = artworks(2, 1);
        AssetFacts stored = Json.read(new String(blobs.get(AssetFacts.key(assets.get(0))).orElseThrow(), StandardCharsets.UTF_8),
                AssetFacts.class);
        assertNotNull(stored.image(), "the upload itself succeeds and is measured");
        assertNull(stored.text(), "the text check is still open");
        Model model = service.createModel(SELLER, "TATTOO");

        DomainException put = assertThrows(DomainException.class, () -> service.setAssets(SELLER, model.id(), ids(assets)));
        assertEquals(DomainException.Kind.UNAVAILABLE, put.kind());
        assertEquals(503, put.kind().httpStatus());
        assertEquals(MeasuredAssets.TEXT_CHECK_UNAVAILABLE, put.code());
        assertTrue(service.model(SELLER, model.id()).assetIds().isEmpty(), "the assets were not set");

        down.set(false);
        Model updated = service.setAssets(SELLER, model.id(), ids(assets));
        assertTrue(updated.warnings().stream().anyMatch(w -> w.startsWith(assets.get(0).id() + ": carries text or a watermark")),
                updated.warnings().toString());

        down.set(true);
        blobs.delete(AssetFacts.key(assets.get(1)));
        DomainException train = assertThrows(DomainException.class, () -> service.startTraining(SELLER, model.id()));
        assertEquals(MeasuredAssets.TEXT_CHECK_UNAVAILABLE, train.code());
        assertEquals(ModelStatus.DRAFT, service.model(SELLER, model.id()).status(), "no training was spent");
    }

    @Test
    @DisplayName("CM-AST-6 offline (the measured heuristic) a text poster gets the warning and the clean work does not")
    void offlineHeuristicWarns() {
        CreationService offline = new CreationService(store, sellers, blobs, new RecordingWorkflowStarter(), Subcategories.standard(),
                new JdkMediaInspector(), TextInImageDetector.MEASURED, CreationPlan.Lookup.none(), clock);
        var art = LabelledMedia.artwork(1_003, 1024);
        Asset clean = offline.uploadAsset(SELLER, new CreationService.Upload(MediaKind.IMAGE,
                Base64.getEncoder().encodeToString(LabelledMedia.png(art)), "clean.png", AssetSource.UPLOAD, List.of("x"), true));
        Asset poster = offline.uploadAsset(SELLER, new CreationService.Upload(MediaKind.IMAGE,
                Base64.getEncoder().encodeToString(LabelledMedia.png(LabelledMedia.withText(art, 3))), "poster.png",
                AssetSource.UPLOAD, List.of("x"), true));
        Model model = offline.createModel(SELLER, "TATTOO");

        List<String> text = offline.setAssets(SELLER, model.id(), List.of(clean.id(), poster.id())).warnings().stream()
                .filter(w -> w.contains("carries text or a watermark")).toList();

        assertEquals(List.of(poster.id() + ": carries text or a watermark; use images without text, logos or marks"), text);
    }

    @Test
    @DisplayName("CM-AST-6 the training's VALIDATE step reads the same stored findings and saves the same warning")
    void pipelineUsesTheStoredFinding() {
        List<Asset> assets = artworks(10, 2);
        Model model = service.createModel(SELLER, "TATTOO");
        service.setAssets(SELLER, model.id(), ids(assets));
        Model started = service.startTraining(SELLER, model.id());
        int before = calls.get();
        down.set(true);
        TrainingPipeline pipeline = new TrainingPipeline(store, sellers, blobs, Subcategories.standard(), new JdkMediaInspector(),
                detector, StyleDescriber.MEASURED, clock);

        List<String> warnings = pipeline.validate(SELLER, model.id(), started.trainingId());

        assertEquals(2, warnings.stream().filter(w -> w.contains("carries text or a watermark")).count(), warnings.toString());
        assertEquals(before, calls.get());
    }
}
