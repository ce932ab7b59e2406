package app.go.domain.creation;

import app.go.adapter.media.JdkMediaInspector;
import app.go.domain.port.StyleDescriber;

import app.go.domain.billing.PaymentMethod;
import app.go.domain.billing.Plan;
import app.go.domain.billing.Subscription;
import app.go.domain.billing.SubscriptionStatus;
import app.go.domain.creation.Asset;
import app.go.domain.creation.AssetSource;
import app.go.domain.creation.CreationService;
import app.go.domain.creation.GeneratedAsset;
import app.go.domain.creation.MediaKind;
import app.go.domain.creation.Model;
import app.go.domain.creation.ModelManagement;
import app.go.domain.creation.ModelStatus;
import app.go.domain.creation.Pricing;
import app.go.domain.creation.Subcategories;
import app.go.domain.creation.TrainingPipeline;
import app.go.domain.seller.SellerAccount;
import app.go.adapter.offline.OfflineAssetGenerator;
import app.go.support.errors.DomainException;
import app.go.support.time.AdjustableClock;
import app.go.testing.InMemoryBlobStore;
import app.go.testing.InMemoryCreationStore;
import app.go.testing.InMemorySellerStore;
import app.go.testing.RecordingWorkflowStarter;
import app.go.testing.TestMedia;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelManagementTest {
    private static final String SELLER = "s-1";
    private static final String OTHER = "s-2";

    private final InMemoryCreationStore store = new InMemoryCreationStore();
    private final InMemorySellerStore sellers = new InMemorySellerStore();
    private final InMemoryBlobStore blobs = new InMemoryBlobStore();
    private final RecordingWorkflowStarter workflows = new RecordingWorkflowStarter();
    private final AdjustableClock clock = new AdjustableClock(Clock.fixed(Instant.parse("2026-02-10T09:00:00Z"), ZoneOffset.UTC));
    private Subscription subscription;
    private final CreationService service = new CreationService(store, sellers, blobs, workflows, Subcategories.standard(), new JdkMediaInspector(),
            sellerId -> SELLER.equals(sellerId) ? Optional.ofNullable(subscription) : Optional.empty(), clock);
    private final ModelManagement management = new ModelManagement(store, sellers, blobs, new OfflineAssetGenerator(),
            Subcategories.standard(), sellerId -> SELLER.equals(sellerId) ? Optional.ofNullable(subscription) : Optional.empty(),
            clock);
    private final TrainingPipeline pipeline = new TrainingPipeline(store, sellers, blobs, Subcategories.standard(), new JdkMediaInspector(),
            StyleDescriber.MEASURED, clock);

    @BeforeEach
    void sellersWithServices() {
        for (String seller : List.of(SELLER, OTHER)) {
            sellers.saveAccount(new SellerAccount(seller, 2, false, "UTC", false));
            sellers.offers(seller, "TATTOO", "ILLUSTRATION", "VOICEOVER", "WRITING_TRANSLATION");
        }
    }

    private Asset upload(String seller, MediaKind kind, byte[] content, String filename, List<String> tags) {
        return service.uploadAsset(seller, new CreationService.Upload(kind, Base64.getEncoder().encodeToString(content),
                filename, AssetSource.UPLOAD, tags, true));
    }

    private Asset image(Color colour) {
        return upload(SELLER, MediaKind.IMAGE, TestMedia.png(64, 64, colour), "a.png", List.of());
    }

    private Model modelWith(String seller, String subcategory, Asset... assets) {
        Model model = service.createModel(seller, subcategory);
        return service.setAssets(seller, model.id(), List.of(assets).stream().map(Asset::id).toList());
    }

    /** One full training through the pipeline steps. */
    private Model train(String seller, String modelId) {
        String trainingId = service.startTraining(seller, modelId).trainingId();
        pipeline.validate(seller, modelId, trainingId);
        pipeline.train(seller, modelId, trainingId);
        return pipeline.finish(seller, modelId, trainingId);
    }

    private Model readyModel(Color colour) {
        return train(SELLER, modelWith(SELLER, "TATTOO", image(colour)).id());
    }

    private static String code(Runnable action) {
        return assertThrows(DomainException.class, action::run).code();
    }

    private void subscribeAt(String at) {
        subscription = Subscription.start(SELLER, Plan.CREATION_MODEL, Instant.parse(at),
                new PaymentMethod(PaymentMethod.Type.CARD, "tok_visa"), true);
    }

    // ---- CM-CAT --------------------------------------------------------------------------------

    @Test
    @DisplayName("CM-CAT-2 a model's subcategory must be one of the seller's services' subcategories")
    void subcategoryMustBeOffered() {
        assertEquals("SUBCATEGORY_NOT_OFFERED", code(() -> service.createModel(SELLER, "JINGLES")));
        sellers.offers(SELLER, "jingles");
        assertEquals("JINGLES", service.createModel(SELLER, "JINGLES").subcategory());
        assertEquals("VALIDATION_FAILED", code(() -> service.createModel(SELLER, "POETRY")));
    }

    @Test
    @DisplayName("CM-CAT-1 the planned text subcategory (Writing & Translation) is one more row of the data table")
    void textRowIsData() {
        var row = Subcategories.standard().require("writing_translation");
        assertEquals(MediaKind.TEXT, row.mediaKind());
        assertEquals("Writing Voice", row.modelNameStem());
    }

    // ---- CM-AST-4 / CM-AST-5 -------------------------------------------------------------------

    @Test
    @DisplayName("CM-AST-4 a text model needs the seller's instructions before it trains; the preview follows them")
    void textInstructions() {
        Asset text = upload(SELLER, MediaKind.TEXT, "Plain words. Short lines.".getBytes(StandardCharsets.UTF_8), "a.txt", List.of());
        Model model = modelWith(SELLER, "WRITING_TRANSLATION", text);
        assertEquals("INSTRUCTIONS_REQUIRED", code(() -> service.startTraining(SELLER, model.id())));
        assertEquals("VALIDATION_FAILED", code(() -> management.setInstructions(SELLER, model.id(), "  ")));
        Model instructed = management.setInstructions(SELLER, model.id(), "Warm tone, second person, no jargon");
        assertEquals("Warm tone, second person, no jargon", instructed.instructions());
        Model ready = train(SELLER, model.id());
        assertEquals(ModelStatus.READY, ready.status());
        assertEquals("Warm tone, second person, no jargon", ready.instructions(), "training keeps the seller's settings");
        GeneratedAsset preview = management.playground(SELLER, model.id(), "launch email", 20);
        String words = new String(preview.content(), StandardCharsets.UTF_8);
        // CM-MOD-4: the old preview pasted the private instructions verbatim (issue 10); now they guide, never show
        assertFalse(words.toLowerCase(java.util.Locale.ROOT).contains("warm tone, second person"), words);
        assertTrue(words.startsWith(Previews.TEXT_MARK), words);
    }

    @Test
    @DisplayName("CM-AST-5 audio asset tags can be added and removed (at most 20 of 40 characters); untagged audio gets a warning")
    void audioTags() {
        Asset take = upload(SELLER, MediaKind.AUDIO, TestMedia.wav(31), "take.wav", List.of());
        Model model = modelWith(SELLER, "VOICEOVER", take);
        String trainingId = service.startTraining(SELLER, model.id()).trainingId();
        assertTrue(pipeline.validate(SELLER, model.id(), trainingId).stream().anyMatch(w -> w.contains("no tags")));

        Asset tagged = management.setAssetTags(SELLER, take.id(), List.of("warm", "narration", "WARM", " british accent "));
        assertEquals(List.of("warm", "narration", "british accent"), tagged.tags());
        assertEquals(List.of("narration"), management.setAssetTags(SELLER, take.id(), List.of("narration")).tags());
        assertEquals(List.of("narration"), store.asset(SELLER, take.id()).orElseThrow().tags());
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            many.add("tag" + i);
        }
        assertEquals("VALIDATION_FAILED", code(() -> management.setAssetTags(SELLER, take.id(), many)));
        assertEquals("VALIDATION_FAILED", code(() -> management.setAssetTags(SELLER, take.id(), List.of("x".repeat(41)))));
        assertEquals("NOT_FOUND", code(() -> management.setAssetTags(OTHER, take.id(), List.of("mine"))));
    }

    // ---- CM-MOD --------------------------------------------------------------------------------

    @Test
    @DisplayName("CM-MOD-1 unlimited models, at most 3 active; only READY models activate; deactivating frees a place")
    void activation() {
        List<Model> ready = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ready.add(readyModel(Color.BLUE));
        }
        Model draft = service.createModel(SELLER, "TATTOO");
        assertEquals(5, service.models(SELLER).size());
        assertEquals("MODEL_NOT_READY", code(() -> management.activate(SELLER, draft.id())));
        for (int i = 0; i < 3; i++) {
            management.activate(SELLER, ready.get(i).id());
        }
        assertEquals("ACTIVE_MODEL_LIMIT", code(() -> management.activate(SELLER, ready.get(3).id())));
        management.activate(SELLER, ready.get(0).id());
        assertEquals(3, management.activeModelIds(SELLER).size());
        management.deactivate(SELLER, ready.get(0).id());
        management.activate(SELLER, ready.get(3).id());
        assertEquals(java.util.Set.of(ready.get(1).id(), ready.get(2).id(), ready.get(3).id()), management.activeModelIds(SELLER));
    }

    @Test
    @DisplayName("CM-MOD-1 eight concurrent activations of different models leave exactly 3 active")
    void concurrentActivation() throws Exception {
        List<Model> ready = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ready.add(readyModel(Color.BLUE));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> tasks = new ArrayList<>();
            for (Model m : ready) {
                tasks.add(() -> {
                    try {
                        management.activate(SELLER, m.id());
                        return true;
                    } catch (DomainException e) {
                        return false;
                    }
                });
            }
            int activated = 0;
            for (Future<Boolean> f : pool.invokeAll(tasks)) {
                activated += f.get() ? 1 : 0;
            }
            assertEquals(3, activated);
            assertEquals(3, management.activeModelIds(SELLER).size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("CM-MOD-3 one style per model: a large spread of brightness or aspect between images is warned about")
    void inconsistentStyle() {
        Asset white = upload(SELLER, MediaKind.IMAGE, TestMedia.png(1024, 1024, Color.WHITE), "w.png", List.of());
        Asset black = upload(SELLER, MediaKind.IMAGE, TestMedia.png(1024, 1024, Color.BLACK), "b.png", List.of());
        Asset wide = upload(SELLER, MediaKind.IMAGE, TestMedia.png(2048, 1024, new Color(250, 250, 250)), "wide.png", List.of());
        Model mixed = modelWith(SELLER, "TATTOO", white, black, wide);
        String trainingId = service.startTraining(SELLER, mixed.id()).trainingId();
        List<String> warnings = pipeline.validate(SELLER, mixed.id(), trainingId);
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("inconsistent style: mean brightness")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("inconsistent style: aspect ratios")), warnings.toString());
        assertFalse(warnings.stream().anyMatch(w -> w.contains("black-and-white")), "all three are black-and-white");

        Asset red = image(new Color(200, 40, 40));
        Asset darkerRed = image(new Color(170, 30, 30));
        Model consistent = modelWith(SELLER, "TATTOO", red, darkerRed);
        String second = service.startTraining(SELLER, consistent.id()).trainingId();
        assertFalse(pipeline.validate(SELLER, consistent.id(), second).stream().anyMatch(w -> w.contains("inconsistent style")));
    }

    @Test
    @DisplayName("CM-MOD-4 the trained profile lives under sellers/<sellerId>/, and another seller's model id is not found everywhere")
    void ownership() {
        Model model = readyModel(Color.GREEN);
        String key = TrainingPipeline.profileKey(SELLER, model.id(), model.trainingId());
        assertTrue(key.startsWith("sellers/" + SELLER + "/models/" + model.id() + "/"), key);
        assertTrue(blobs.keys().contains(key));
        List<Runnable> foreign = List.of(
                () -> management.model(OTHER, model.id()),
                () -> management.activate(OTHER, model.id()),
                () -> management.deactivate(OTHER, model.id()),
                () -> management.setVisibility(OTHER, model.id(), false, false),
                () -> management.setPricing(OTHER, model.id(), Pricing.perUnit(100)),
                () -> management.setInstructions(OTHER, model.id(), "mine"),
                () -> management.publish(OTHER, model.id()),
                () -> management.playground(OTHER, model.id(), "a rose", null),
                () -> service.startTraining(OTHER, model.id()),
                () -> service.setAllAssets(OTHER, model.id()));
        foreign.forEach(action -> assertEquals("NOT_FOUND", code(action)));
        assertTrue(management.activeModelIds(OTHER).isEmpty());
        Model untouched = service.model(SELLER, model.id());
        assertTrue(untouched.onServices());
        assertEquals(null, untouched.pricing());
    }

    @Test
    @DisplayName("CM-MOD-5 the seller chooses visibility on services and profile; a retraining keeps it")
    void visibility() {
        Model model = readyModel(Color.GREEN);
        Model shown = management.setVisibility(SELLER, model.id(), true, false);
        assertTrue(shown.onServices());
        assertFalse(shown.onProfile());
        service.setAssets(SELLER, model.id(), List.of(image(Color.GREEN).id()));
        train(SELLER, model.id());
        Model after = service.model(SELLER, model.id());
        assertTrue(after.onServices());
        assertFalse(after.onProfile());
    }

    // ---- CM-TRN --------------------------------------------------------------------------------

    @Test
    @DisplayName("CM-TRN-2 changing a trained model's assets requires a retraining, which clears the flag")
    void retrainingRequired() {
        Asset first = image(Color.BLUE);
        Model draft = modelWith(SELLER, "TATTOO", first);
        assertFalse(draft.retrainingRequired(), "nothing to retrain before the first training");
        Model trained = train(SELLER, draft.id());
        assertFalse(trained.retrainingRequired());
        assertFalse(service.setAssets(SELLER, draft.id(), List.of(first.id())).retrainingRequired(), "same assets, no change");
        Model changed = service.setAssets(SELLER, draft.id(), List.of(first.id(), image(Color.CYAN).id()));
        assertTrue(changed.retrainingRequired());
        assertTrue(service.model(SELLER, draft.id()).retrainingRequired());
        String trainingId = service.startTraining(SELLER, draft.id()).trainingId();
        assertTrue(service.model(SELLER, draft.id()).retrainingRequired(), "still required while training");
        pipeline.validate(SELLER, draft.id(), trainingId);
        pipeline.train(SELLER, draft.id(), trainingId);
        assertFalse(pipeline.finish(SELLER, draft.id(), trainingId).retrainingRequired());
    }

    @Test
    @DisplayName("CM-TRN-3 before subscribing 2 trainings per model; after subscribing 2 retrainings per model per billing month")
    void retrainingsPerMonth() {
        Model model = readyModel(Color.BLUE);
        train(SELLER, model.id());
        assertEquals(0, service.trainingsLeft(service.model(SELLER, model.id())));
        assertEquals("TRAINING_QUOTA_EXHAUSTED", code(() -> service.startTraining(SELLER, model.id())));

        clock.set(Instant.parse("2026-02-18T10:00:00Z"));
        subscribeAt("2026-02-18T10:00:00Z");
        assertEquals(2, service.trainingsLeft(service.model(SELLER, model.id())), "the pre-subscription trainings do not count");
        clock.set(Instant.parse("2026-02-20T08:00:00Z"));
        train(SELLER, model.id());
        clock.set(Instant.parse("2026-03-01T08:00:00Z"));
        train(SELLER, model.id());
        assertEquals(0, service.trainingsLeft(service.model(SELLER, model.id())));
        DomainException refused = assertThrows(DomainException.class, () -> service.startTraining(SELLER, model.id()));
        assertEquals("TRAINING_QUOTA_EXHAUSTED", refused.code());
        assertTrue(refused.getMessage().contains("2026-03-18T10:00:00Z"), refused.getMessage());

        // per model: another model of the same seller has its own retrainings
        Model other = readyModel(Color.RED);
        assertEquals(1, service.trainingsLeft(other));
    }

    @Test
    @DisplayName("CM-TRN-3 Voiceover models get 3 retrainings per billing month (from the subcategory table)")
    void voiceoverRetrainings() {
        clock.set(Instant.parse("2026-02-18T10:00:00Z"));
        subscribeAt("2026-02-18T10:00:00Z");
        Asset take = upload(SELLER, MediaKind.AUDIO, TestMedia.wav(31), "take.wav", List.of("warm"));
        Model model = modelWith(SELLER, "VOICEOVER", take);
        assertEquals(3, service.trainingsLeft(model));
        for (int i = 0; i < 3; i++) {
            clock.advance(java.time.Duration.ofDays(1));
            train(SELLER, model.id());
        }
        assertEquals("TRAINING_QUOTA_EXHAUSTED", code(() -> service.startTraining(SELLER, model.id())));
    }

    @Test
    @DisplayName("CM-TRN-4 subscribed 18 Feb: the retraining counter resets on 18 Mar (renewed or not yet), not before")
    void counterResetsOnAnniversary() {
        clock.set(Instant.parse("2026-02-18T10:00:00Z"));
        subscribeAt("2026-02-18T10:00:00Z");
        Model model = readyModel(Color.BLUE);
        clock.set(Instant.parse("2026-02-25T10:00:00Z"));
        train(SELLER, model.id());
        assertEquals(0, service.trainingsLeft(service.model(SELLER, model.id())));

        clock.set(Instant.parse("2026-03-18T09:59:59Z"));
        assertEquals(0, service.trainingsLeft(service.model(SELLER, model.id())), "still February's period");
        clock.set(Instant.parse("2026-03-18T10:00:00Z"));
        assertEquals(2, service.trainingsLeft(service.model(SELLER, model.id())), "the renewal has not run yet; the period moved on");
        subscription = subscription.renewed();
        assertEquals(Instant.parse("2026-03-18T10:00:00Z"), subscription.currentPeriodStart());
        assertEquals(2, service.trainingsLeft(service.model(SELLER, model.id())));
        train(SELLER, model.id());
        assertEquals(1, service.trainingsLeft(service.model(SELLER, model.id())));

        subscription = subscription.withStatus(SubscriptionStatus.ENDED);
        assertEquals(0, service.trainingsLeft(service.model(SELLER, model.id())),
                "not subscribed: back to the 2 trainings per model, all used");
    }

    @Test
    @DisplayName("CM-TRN-5 the playground generates from the trained style profile, deterministically, for READY models only")
    void playground() throws Exception {
        Model model = readyModel(new Color(20, 160, 220));
        subscribeAt("2026-02-01T00:00:00Z");
        GeneratedAsset first = management.playground(SELLER, model.id(), "a koi fish", null);
        GeneratedAsset again = management.playground(SELLER, model.id(), "a koi fish", null);
        assertEquals("image/png", first.contentType());
        assertArrayEquals(first.content(), again.content());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(first.content()));
        java.util.Map<Integer, Integer> counts = new java.util.HashMap<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                counts.merge(image.getRGB(x, y) | 0xff000000, 1, Integer::sum);
            }
        }
        int background = counts.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).orElseThrow().getKey();
        Color dominant = new Color(background);
        Color learned = new Color(20, 160, 220);
        // the style's palette, measured on 4-bit colour bins: near the reference colour, not equal to it
        assertTrue(Math.abs(dominant.getRed() - learned.getRed()) + Math.abs(dominant.getGreen() - learned.getGreen())
                + Math.abs(dominant.getBlue() - learned.getBlue()) < 40, "drawn in the learned palette: " + dominant);
        assertEquals(OfflineAssetGenerator.IMAGE_SIDE, image.getWidth(), "the requested size, not a thumbnail");
        Model draft = service.createModel(SELLER, "TATTOO");
        assertEquals("MODEL_NOT_READY", code(() -> management.playground(SELLER, draft.id(), "a koi fish", null)));
        assertEquals("VALIDATION_FAILED", code(() -> management.playground(SELLER, model.id(), " ", null)));
    }

    @Test
    @DisplayName("CM-GEN-2 no watermark when a subscribed seller generates with their own model; watermarked otherwise")
    void watermark() {
        Model model = readyModel(Color.ORANGE);
        GeneratedAsset unsubscribed = management.playground(SELLER, model.id(), "a tiger", null);
        assertTrue(unsubscribed.watermarked());
        subscribeAt("2026-02-01T00:00:00Z");
        GeneratedAsset own = management.playground(SELLER, model.id(), "a tiger", null);
        assertFalse(own.watermarked());
        assertFalse(java.util.Arrays.equals(unsubscribed.content(), own.content()), "the watermark is in the pixels");
    }

    // ---- CM-PRC / CM-PUB -----------------------------------------------------------------------

    @Test
    @DisplayName("CM-PRC-2 base-plus-increment pricing counts seconds for audio and words for text; images are priced per unit")
    void pricingUnits() {
        Model tattoo = service.createModel(SELLER, "TATTOO");
        Model voice = service.createModel(SELLER, "VOICEOVER");
        Model words = service.createModel(SELLER, "WRITING_TRANSLATION");
        assertEquals(4_500, management.setPricing(SELLER, tattoo.id(), Pricing.perUnit(4_500)).pricing().priceFor(1));
        assertEquals("VALIDATION_FAILED", code(() -> management.setPricing(SELLER, tattoo.id(),
                Pricing.basePlusIncrement(1_000, 100, 300, 100, Pricing.Unit.WORDS))));
        assertEquals(2_500, management.setPricing(SELLER, voice.id(),
                Pricing.basePlusIncrement(2_000, 30, 500, 10, Pricing.Unit.SECONDS)).pricing().priceFor(40));
        assertEquals("VALIDATION_FAILED", code(() -> management.setPricing(SELLER, voice.id(),
                Pricing.basePlusIncrement(2_000, 30, 500, 10, Pricing.Unit.WORDS))));
        assertEquals(1_300, management.setPricing(SELLER, words.id(),
                Pricing.basePlusIncrement(1_000, 100, 300, 100, Pricing.Unit.WORDS)).pricing().priceFor(150));
    }

    @Test
    @DisplayName("CM-PUB-1 publishing needs the Creation Model subscription, a READY model and a price; retraining keeps it published")
    void publish() {
        Model model = readyModel(Color.BLUE);
        assertEquals("SUBSCRIPTION_REQUIRED", code(() -> management.publish(SELLER, model.id())));
        subscribeAt("2026-02-10T09:00:00Z");
        assertEquals("PRICING_REQUIRED", code(() -> management.publish(SELLER, model.id())));
        Model draft = service.createModel(SELLER, "TATTOO");
        assertEquals("MODEL_NOT_READY", code(() -> management.publish(SELLER, draft.id())));
        management.setPricing(SELLER, model.id(), Pricing.perUnit(3_000));
        Model published = management.publish(SELLER, model.id());
        assertTrue(published.published());
        assertEquals(Pricing.perUnit(3_000), published.pricing());
        train(SELLER, model.id());
        Model retrained = service.model(SELLER, model.id());
        assertTrue(retrained.published(), "a training-state write leaves the settings alone");
        assertEquals(Pricing.perUnit(3_000), retrained.pricing());

        Model another = readyModel(Color.BLUE);
        management.setPricing(SELLER, another.id(), Pricing.perUnit(3_000));
        subscription = subscription.withStatus(SubscriptionStatus.ENDED);
        assertEquals("SUBSCRIPTION_REQUIRED", code(() -> management.publish(SELLER, another.id())));
    }

    @Test
    @DisplayName("CM-PUB-1 a cancelled subscription still counts until its period ends")
    void cancelledSubscription() {
        subscribeAt("2026-02-10T09:00:00Z");
        subscription = subscription.withStatus(SubscriptionStatus.CANCELLED_AT_PERIOD_END);
        Model model = readyModel(Color.BLUE);
        management.setPricing(SELLER, model.id(), Pricing.perUnit(3_000));
        assertTrue(management.publish(SELLER, model.id()).published());
        Model another = readyModel(Color.BLUE);
        management.setPricing(SELLER, another.id(), Pricing.perUnit(3_000));
        clock.set(subscription.currentPeriodEnd());
        assertEquals("SUBSCRIPTION_REQUIRED", code(() -> management.publish(SELLER, another.id())));
    }

    @Test
    @DisplayName("BILL-6 after the Creation Model subscription ends, training and the playground are refused with SUBSCRIPTION_ENDED; the models stay readable")
    void trainingStopsWhenThePeriodEnds() {
        subscribeAt("2026-02-10T09:00:00Z");
        subscription = subscription.withStatus(SubscriptionStatus.CANCELLED_AT_PERIOD_END);
        Model model = readyModel(Color.BLUE);
        clock.set(subscription.currentPeriodEnd());
        assertEquals(CreationPlan.SUBSCRIPTION_ENDED, code(() -> service.startTraining(SELLER, model.id())));
        assertEquals(CreationPlan.SUBSCRIPTION_ENDED, code(() -> management.playground(SELLER, model.id(), "a fox", null)));
        assertEquals(ModelStatus.READY, service.model(SELLER, model.id()).status());
    }

    @Test
    @DisplayName("ELIG-3 an ineligible seller who never subscribed is refused the playground, training and publishing with NOT_ELIGIBLE; the model stays readable")
    void ineligibleSellerWithoutSubscription() {
        Model model = readyModel(Color.BLUE);
        management.setPricing(SELLER, model.id(), Pricing.perUnit(3_000));
        assertEquals(null, subscription, "never subscribed");
        sellers.saveAccount(new SellerAccount(SELLER, 1, false, "UTC", false));

        assertEquals(CreationPlan.NOT_ELIGIBLE, code(() -> management.playground(SELLER, model.id(), "a fox", null)));
        assertEquals(CreationPlan.NOT_ELIGIBLE, code(() -> service.startTraining(SELLER, model.id())));
        assertEquals(CreationPlan.NOT_ELIGIBLE, code(() -> management.publish(SELLER, model.id())));
        assertEquals(ModelStatus.READY, service.model(SELLER, model.id()).status());

        sellers.saveAccount(new SellerAccount(SELLER, 1, true, "UTC", false));
        assertTrue(management.playground(SELLER, model.id(), "a fox", null).content().length > 0, "a Pro seller is eligible again");
    }

    @Test
    @DisplayName("ELIG-3 a seller who is no longer eligible is refused with NOT_ELIGIBLE even while a CM subscription is still running")
    void ineligibleSellerWithRunningSubscription() {
        subscribeAt("2026-02-10T09:00:00Z");
        Model model = readyModel(Color.BLUE);
        management.setPricing(SELLER, model.id(), Pricing.perUnit(3_000));
        sellers.saveAccount(new SellerAccount(SELLER, 1, false, "UTC", false));

        assertEquals(CreationPlan.NOT_ELIGIBLE, code(() -> management.playground(SELLER, model.id(), "a fox", null)));
        assertEquals(CreationPlan.NOT_ELIGIBLE, code(() -> service.startTraining(SELLER, model.id())));
        assertEquals(CreationPlan.NOT_ELIGIBLE, code(() -> management.publish(SELLER, model.id())));
    }
}
