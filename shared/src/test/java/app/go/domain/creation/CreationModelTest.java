package app.go.domain.creation;

import app.go.adapter.media.JdkMediaInspector;
import app.go.domain.port.StyleDescriber;

import app.go.domain.creation.Asset;
import app.go.domain.creation.AssetSource;
import app.go.domain.creation.AssetValidationFailedException;
import app.go.domain.creation.CreationService;
import app.go.domain.creation.MediaKind;
import app.go.domain.creation.Model;
import app.go.domain.creation.ModelStatus;
import app.go.domain.creation.StaleTrainingException;
import app.go.domain.creation.Subcategories;
import app.go.domain.creation.Subcategory;
import app.go.domain.creation.TrainingPipeline;
import app.go.domain.seller.SellerAccount;
import app.go.support.errors.DomainException;
import app.go.testing.InMemoryBlobStore;
import app.go.testing.InMemoryCreationStore;
import app.go.testing.InMemorySellerStore;
import app.go.testing.RecordingWorkflowStarter;
import app.go.testing.TestMedia;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CreationModelTest {
    private static final String SELLER = "s-1";

    private final InMemoryCreationStore store = new InMemoryCreationStore();
    private final InMemorySellerStore sellers = new InMemorySellerStore();
    private final InMemoryBlobStore blobs = new InMemoryBlobStore();
    private final RecordingWorkflowStarter workflows = new RecordingWorkflowStarter();
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
    private final CreationService service = new CreationService(store, sellers, blobs, workflows, Subcategories.standard(), new JdkMediaInspector(), clock);
    private final TrainingPipeline pipeline = new TrainingPipeline(store, sellers, blobs, Subcategories.standard(), new JdkMediaInspector(),
            StyleDescriber.MEASURED, clock);

    @BeforeEach
    void eligibleSeller() {
        sellers.saveAccount(new SellerAccount(SELLER, 2, false, "UTC", false));
        sellers.offers(SELLER, "TATTOO", "ILLUSTRATION", "VOICEOVER", "JINGLES", "WRITING");
    }

    private Asset upload(MediaKind kind, byte[] content, String filename) {
        return service.uploadAsset(SELLER, new CreationService.Upload(kind, Base64.getEncoder().encodeToString(content),
                filename, AssetSource.UPLOAD, List.of("style"), true));
    }

    private Model modelWith(String subcategory, Asset... assets) {
        Model model = service.createModel(SELLER, subcategory);
        return service.setAssets(SELLER, model.id(), List.of(assets).stream().map(Asset::id).toList());
    }

    private static DomainException.Kind kindOf(Runnable action, String code) {
        DomainException e = assertThrows(DomainException.class, action::run);
        assertEquals(code, e.code());
        return e.kind();
    }

    @Test
    @DisplayName("DATA-3 an asset is refused unless the seller confirms it is their own work")
    void ownWorkMustBeConfirmed() {
        var upload = new CreationService.Upload(MediaKind.IMAGE, Base64.getEncoder().encodeToString(new byte[]{1}),
                "a.png", AssetSource.UPLOAD, List.of(), false);
        assertEquals(DomainException.Kind.RULE, kindOf(() -> service.uploadAsset(SELLER, upload), "OWN_WORK_NOT_CONFIRMED"));
        assertTrue(blobs.keys().isEmpty());
        assertTrue(store.allAssets().isEmpty());
    }

    @Test
    @DisplayName("DATA-3 an uploaded asset's bytes go to the blob store under sellers/<id>/assets/<assetId>, not the table")
    void uploadStoresBlob() {
        byte[] png = TestMedia.png(8, 8, Color.RED);
        Asset asset = upload(MediaKind.IMAGE, png, "a.png");
        assertEquals("sellers/s-1/assets/" + asset.id(), asset.blobKey());
        assertArrayEquals(png, blobs.get(asset.blobKey()).orElseThrow());
        assertEquals(png.length, asset.sizeBytes());
        assertEquals(asset, store.asset(SELLER, asset.id()).orElseThrow());
    }

    @Test
    @DisplayName("DATA-3 bad base64 and assets over 5 MB are bad input (400)")
    void badContent() {
        var bad = new CreationService.Upload(MediaKind.IMAGE, "***not base64***", "a.png", AssetSource.UPLOAD, List.of(), true);
        assertEquals(DomainException.Kind.VALIDATION, kindOf(() -> service.uploadAsset(SELLER, bad), "VALIDATION_FAILED"));
        var big = new CreationService.Upload(MediaKind.IMAGE,
                Base64.getEncoder().encodeToString(new byte[CreationService.MAX_ASSET_BYTES + 1]), "a.png",
                AssetSource.UPLOAD, List.of(), true);
        assertEquals(DomainException.Kind.VALIDATION, kindOf(() -> service.uploadAsset(SELLER, big), "ASSET_TOO_LARGE"));
    }

    @Test
    @DisplayName("ELIG-2 a level 1 seller who is not Pro cannot create a model; a Pro seller can")
    void eligibility() {
        sellers.saveAccount(new SellerAccount(SELLER, 1, false, "UTC", true));
        assertEquals(DomainException.Kind.RULE, kindOf(() -> service.createModel(SELLER, "TATTOO"), "NOT_ELIGIBLE"));
        kindOf(() -> service.createModel("unknown-seller", "TATTOO"), "NOT_ELIGIBLE");
        sellers.saveAccount(new SellerAccount(SELLER, 1, true, "UTC", false));
        assertEquals(ModelStatus.DRAFT, service.createModel(SELLER, "TATTOO").status());
    }

    @Test
    @DisplayName("CM-CAT-1 the subcategories (five, plus the planned text one) come from the data table, and an unknown one is bad input")
    void subcategoriesAreData() {
        assertEquals(List.of("TATTOO", "ILLUSTRATION", "CHILDRENS_BOOK_ILLUSTRATION", "VOICEOVER", "JINGLES",
                        "WRITING_TRANSLATION"),
                Subcategories.standard().all().stream().map(Subcategory::id).toList());
        assertEquals(MediaKind.AUDIO, Subcategories.standard().require("voiceover").mediaKind());
        assertEquals(30, Subcategories.standard().require("VOICEOVER").minAudioSeconds());
        assertEquals(10, Subcategories.standard().require("JINGLES").minAudioSeconds());
        assertEquals(DomainException.Kind.VALIDATION, kindOf(() -> service.createModel(SELLER, "GRAPHICS"), "VALIDATION_FAILED"));
    }

    @Test
    @DisplayName("CM-CAT-1 adding a subcategory is adding a row: a text subcategory works without code changes")
    void newRowIsNewSubcategory() {
        var rows = new ArrayList<>(Subcategories.standard().all());
        rows.add(new Subcategory("WRITING", "Writing & Translation", MediaKind.TEXT, "Writing Voice", 0, 2, 2));
        var table = new Subcategories(rows);
        var withText = new CreationService(store, sellers, blobs, workflows, table, new JdkMediaInspector(), clock);
        var pipelineWithText = new TrainingPipeline(store, sellers, blobs, table, new JdkMediaInspector(), StyleDescriber.MEASURED, clock);
        Asset text = withText.uploadAsset(SELLER, new CreationService.Upload(MediaKind.TEXT,
                Base64.getEncoder().encodeToString("Short, punchy sentences.".getBytes(StandardCharsets.UTF_8)),
                "sample.txt", AssetSource.PORTFOLIO, List.of(), true));
        Model model = withText.createModel(SELLER, "writing");
        withText.setAssets(SELLER, model.id(), List.of(text.id()));
        store.updateModelSettings(model.withInstructions("Short, punchy sentences; no jargon.", clock.instant()));
        Model started = withText.startTraining(SELLER, model.id());
        assertEquals("Writing Voice #1", started.name());
        pipelineWithText.validate(SELLER, model.id(), started.trainingId());
        pipelineWithText.train(SELLER, model.id(), started.trainingId());
        assertEquals(ModelStatus.READY, pipelineWithText.finish(SELLER, model.id(), started.trainingId()).status());
    }

    @Test
    @DisplayName("CM-MOD-2 the name is generated from the subcategory when training starts, and numbered per seller")
    void naming() {
        Asset image = upload(MediaKind.IMAGE, TestMedia.png(1024, 1024, Color.BLUE), "a.png");
        Model first = modelWith("TATTOO", image);
        assertNull(first.name());
        Model second = modelWith("TATTOO", image);
        Model illustration = modelWith("ILLUSTRATION", image);
        assertEquals("Tattoo Style #1", service.startTraining(SELLER, first.id()).name());
        assertEquals("Tattoo Style #2", service.startTraining(SELLER, second.id()).name());
        assertEquals("Illustration Style #1", service.startTraining(SELLER, illustration.id()).name());
    }

    @Test
    @DisplayName("CM-TRN-1 starting a training marks the model TRAINING and starts the state machine with a business-key name")
    void startStartsWorkflow() {
        Asset image = upload(MediaKind.IMAGE, TestMedia.png(1024, 1024, Color.BLUE), "a.png");
        Model model = modelWith("TATTOO", image);
        Model started = service.startTraining(SELLER, model.id());
        assertEquals(ModelStatus.TRAINING, started.status());
        String name = "training-" + model.id() + "-" + started.trainingId();
        assertEquals(Map.of("sellerId", SELLER, "modelId", model.id(), "trainingId", started.trainingId()),
                workflows.started().get(name));
        assertEquals(DomainException.Kind.CONFLICT, kindOf(() -> service.startTraining(SELLER, model.id()), "TRAINING_IN_PROGRESS"));
    }

    @Test
    @DisplayName("CM-TRN-3 a third training before subscribing is refused")
    void quota() {
        Asset image = upload(MediaKind.IMAGE, TestMedia.png(1024, 1024, Color.BLUE), "a.png");
        Model model = modelWith("TATTOO", image);
        for (int i = 0; i < 2; i++) {
            Model started = service.startTraining(SELLER, model.id());
            pipeline.validate(SELLER, model.id(), started.trainingId());
            pipeline.train(SELLER, model.id(), started.trainingId());
            pipeline.finish(SELLER, model.id(), started.trainingId());
        }
        assertEquals(0, service.trainingsLeft(service.model(SELLER, model.id())));
        assertEquals(DomainException.Kind.RULE,
                kindOf(() -> service.startTraining(SELLER, model.id()), "TRAINING_QUOTA_EXHAUSTED"));
        assertEquals(2, workflows.started().size());
    }

    @Test
    @DisplayName("CM-TRN-3 a training needs assets")
    void noAssets() {
        Model model = service.createModel(SELLER, "TATTOO");
        assertEquals(DomainException.Kind.RULE, kindOf(() -> service.startTraining(SELLER, model.id()), "NO_ASSETS"));
    }

    @Test
    @DisplayName("CM-MOD-4 a model's assets must be the seller's own (404 otherwise)")
    void foreignAsset() {
        Model model = service.createModel(SELLER, "TATTOO");
        sellers.saveAccount(new SellerAccount("s-2", 3, false, "UTC", false));
        Asset theirs = service.uploadAsset("s-2", new CreationService.Upload(MediaKind.IMAGE,
                Base64.getEncoder().encodeToString(TestMedia.png(4, 4, Color.RED)), "a.png", AssetSource.UPLOAD, List.of(), true));
        assertEquals(DomainException.Kind.NOT_FOUND,
                kindOf(() -> service.setAssets(SELLER, model.id(), List.of(theirs.id())), "NOT_FOUND"));
        assertEquals(DomainException.Kind.NOT_FOUND, kindOf(() -> service.model("s-2", model.id()), "NOT_FOUND"));
    }

    @Test
    @DisplayName("CM-AST-1 'all' takes the seller's assets of the model's kind, at most the latest 100 work samples")
    void allAssets() {
        Asset upload = upload(MediaKind.IMAGE, TestMedia.png(4, 4, Color.RED), "a.png");
        upload(MediaKind.AUDIO, TestMedia.wav(1), "a.wav");
        for (int i = 0; i < 102; i++) {
            Instant at = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i);
            store.saveAsset(new Asset("ws-" + i, SELLER, MediaKind.IMAGE, "w.png", AssetSource.WORK_SAMPLE, List.of(), 1,
                    Asset.blobKey(SELLER, "ws-" + i), at));
        }
        Model model = service.createModel(SELLER, "TATTOO");
        List<String> ids = service.setAllAssets(SELLER, model.id()).assetIds();
        assertEquals(101, ids.size());
        assertTrue(ids.contains(upload.id()));
        assertTrue(ids.contains("ws-101"));
        assertFalse(ids.contains("ws-0"));
        assertFalse(ids.contains("ws-1"));
    }

    @Test
    @DisplayName("CM-AST-2 a voiceover WAV shorter than 30 s is an error before a training is spent (422 ASSETS_INVALID)")
    void shortWavFails() {
        Asset shortWav = upload(MediaKind.AUDIO, TestMedia.wav(12), "take.wav");
        Model model = modelWith("VOICEOVER", shortWav);
        // issue 10: this used to be found only inside a started (and counted) training
        assertTrue(service.checkAssets(SELLER, model.id()).errors().get(0).contains("at least 30 s"));
        int left = service.trainingsLeft(service.model(SELLER, model.id()));
        var e = assertThrows(DomainException.class, () -> service.startTraining(SELLER, model.id()));
        assertEquals("ASSETS_INVALID", e.code());
        assertTrue(e.getMessage().contains("at least 30 s"), e.getMessage());
        assertEquals(left, service.trainingsLeft(service.model(SELLER, model.id())));
        assertEquals(ModelStatus.DRAFT, service.model(SELLER, model.id()).status());
    }

    @Test
    @DisplayName("CM-AST-2 a 12 s jingle WAV passes (10 s minimum); bytes that are not audio are refused at upload (422)")
    void jingleLengths() {
        Asset wav = upload(MediaKind.AUDIO, TestMedia.wav(12), "jingle.wav");
        // issue 10: a header sniff let these through as "length unknown"; now the file is decoded
        assertEquals(DomainException.Kind.RULE, kindOf(() -> upload(MediaKind.AUDIO,
                new byte[]{(byte) 0xFF, (byte) 0xFB, 1, 2, 3}, "jingle.mp3"), "ASSET_KIND_MISMATCH"));
        assertEquals(DomainException.Kind.RULE, kindOf(() -> upload(MediaKind.AUDIO,
                TestMedia.png(64, 64, Color.RED), "jingle.wav"), "ASSET_KIND_MISMATCH"));
        Model model = modelWith("JINGLES", wav);
        String trainingId = service.startTraining(SELLER, model.id()).trainingId();
        List<String> warnings = pipeline.validate(SELLER, model.id(), trainingId);
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith(wav.id() + ": silent")), warnings.toString());
        assertEquals(warnings, service.model(SELLER, model.id()).warnings());
    }

    @Test
    @DisplayName("CM-AST-2 an M4A/AAC upload is decoded and measured (8 s jingle: too short); M4A bytes as an image, or a cut M4A, are 422")
    void m4aUploads() {
        byte[] m4a = app.go.testing.LabelledMedia.M4A.get(0).bytes();
        Asset voice = upload(MediaKind.AUDIO, m4a, "take1.m4a");
        assertEquals(DomainException.Kind.RULE, kindOf(() -> upload(MediaKind.IMAGE, m4a, "take1.m4a"), "ASSET_KIND_MISMATCH"));
        assertEquals(DomainException.Kind.RULE, kindOf(() -> upload(MediaKind.AUDIO, java.util.Arrays.copyOf(m4a, 3_000),
                "cut.m4a"), "ASSET_KIND_MISMATCH"));
        assertEquals("audio/mp4", CreationService.contentType(MediaKind.AUDIO, "take1.m4a"));
        Model model = modelWith("JINGLES", voice);
        DomainException e = assertThrows(DomainException.class, () -> service.startTraining(SELLER, model.id()));
        assertEquals("ASSETS_INVALID", e.code());
        assertTrue(e.getMessage().contains(voice.id() + ": 8.1 s of audio, at least 10 s needed"), e.getMessage());
    }

    @Test
    @DisplayName("CM-AST-3 small and non-square images give warnings saved on the model")
    void imageWarnings() {
        Asset small = upload(MediaKind.IMAGE, TestMedia.png(512, 512, Color.RED), "small.png");
        Asset wide = upload(MediaKind.IMAGE, TestMedia.png(2048, 1024, Color.ORANGE), "wide.png");
        Model model = modelWith("ILLUSTRATION", small, wide);
        String trainingId = service.startTraining(SELLER, model.id()).trainingId();
        List<String> warnings = pipeline.validate(SELLER, model.id(), trainingId);
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith(small.id() + ": low resolution 512x512")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith(wide.id() + ": not square")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("10 to 50")), warnings.toString());
        assertEquals(warnings, service.model(SELLER, model.id()).warnings());
    }

    @Test
    @DisplayName("CM-AST-6 colour and black-and-white images in one model give a warning")
    void mixedColour() {
        Asset colour = upload(MediaKind.IMAGE, TestMedia.png(1024, 1024, Color.RED), "c.png");
        Asset grey = upload(MediaKind.IMAGE, TestMedia.png(1024, 1024, Color.GRAY), "g.png");
        Model model = modelWith("TATTOO", colour, grey);
        String trainingId = service.startTraining(SELLER, model.id()).trainingId();
        assertTrue(pipeline.validate(SELLER, model.id(), trainingId).stream().anyMatch(w -> w.contains("black-and-white")));
    }

    @Test
    @DisplayName("CM-CAT-1 an asset of the wrong media kind stops the training before it starts")
    void wrongKind() {
        Asset wav = upload(MediaKind.AUDIO, TestMedia.wav(40), "a.wav");
        Model model = modelWith("TATTOO", wav);
        assertEquals(DomainException.Kind.RULE, kindOf(() -> service.startTraining(SELLER, model.id()), "ASSETS_INVALID"));
    }

    @Test
    @DisplayName("CM-TRN-1 training stores a deterministic style profile as the artefact")
    void trainStoresProfile() {
        Asset image = upload(MediaKind.IMAGE, TestMedia.png(1024, 1024, new Color(200, 100, 50)), "a.png");
        Model model = modelWith("TATTOO", image);
        String trainingId = service.startTraining(SELLER, model.id()).trainingId();
        String key = pipeline.train(SELLER, model.id(), trainingId);
        assertEquals("sellers/s-1/models/" + model.id() + "/" + trainingId + "/profile.json", key);
        byte[] first = blobs.get(key).orElseThrow();
        StyleProfile profile = StyleProfile.parse(first);
        assertEquals(List.of("#cc6633"), profile.palette(), "the learned palette (4-bit colour bins)");
        assertEquals(List.of(image.blobKey()), profile.referenceKeys());
        pipeline.train(SELLER, model.id(), trainingId);
        assertArrayEquals(first, blobs.get(key).orElseThrow());
    }

    @Test
    @DisplayName("CM-TRN-1 FINISH twice counts the training once and notifies once (TRAINING_DONE)")
    void finishIdempotent() {
        Asset image = upload(MediaKind.IMAGE, TestMedia.png(1024, 1024, Color.BLUE), "a.png");
        Model model = modelWith("TATTOO", image);
        String trainingId = service.startTraining(SELLER, model.id()).trainingId();
        pipeline.finish(SELLER, model.id(), trainingId);
        Model again = pipeline.finish(SELLER, model.id(), trainingId);
        assertEquals(ModelStatus.READY, again.status());
        assertEquals(1, again.trainingsUsed());
        assertEquals(1, service.model(SELLER, model.id()).trainingsUsed());
        assertEquals(1, service.trainingsLeft(again));
        assertEquals(List.of("TRAINING_DONE"), sellers.notifications(SELLER).stream().map(n -> n.type()).toList());
    }

    @Test
    @DisplayName("CM-TRN-1 FAIL records the reason and changes nothing for a stale training")
    void failAndStale() {
        Asset image = upload(MediaKind.IMAGE, TestMedia.png(1024, 1024, Color.BLUE), "a.png");
        Model model = modelWith("TATTOO", image);
        String trainingId = service.startTraining(SELLER, model.id()).trainingId();
        Map<String, Object> error = Map.of("Error", "app.go.domain.creation.AssetValidationFailedException",
                "Cause", "{\"errorMessage\":\"a: too short\",\"errorType\":\"app.go.domain.creation.AssetValidationFailedException\"}");
        Model failed = pipeline.fail(SELLER, model.id(), trainingId, error);
        assertEquals(ModelStatus.FAILED, failed.status());
        assertEquals("AssetValidationFailedException: a: too short", failed.failureReason());
        assertEquals(0, failed.trainingsUsed());
        // a retrain starts a new training; the old one's steps change nothing
        String second = service.startTraining(SELLER, model.id()).trainingId();
        assertThrows(StaleTrainingException.class, () -> pipeline.validate(SELLER, model.id(), trainingId));
        assertThrows(StaleTrainingException.class, () -> pipeline.finish(SELLER, model.id(), trainingId));
        pipeline.fail(SELLER, model.id(), trainingId, error);
        assertEquals(ModelStatus.TRAINING, service.model(SELLER, model.id()).status());
        assertEquals(second, service.model(SELLER, model.id()).trainingId());
    }
}
