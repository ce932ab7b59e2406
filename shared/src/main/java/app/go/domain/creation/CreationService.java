package app.go.domain.creation;

import app.go.domain.port.CreationStore;

import app.go.domain.seller.SellerService;
import app.go.domain.port.SellerStore;
import app.go.domain.port.BlobStore;
import app.go.support.errors.DomainException;
import app.go.domain.port.WorkflowStarter;
import app.go.domain.port.MediaInspector;
import app.go.domain.port.TextInImageDetector;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What a seller does with Creation Models before and when training starts (CM, DATA-3, ELIG-2). */
public final class CreationService {
    public static final int MAX_ASSET_BYTES = 5 * 1024 * 1024;
    /** CM-AST-1: "all" means at most the latest 100 work samples. */
    public static final int MAX_WORK_SAMPLES = 100;
    public static final int MAX_ASSETS_PER_MODEL = 500;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CreationStore store;
    private final SellerStore sellers;
    private final BlobStore blobs;
    private final WorkflowStarter training;
    private final Subcategories subcategories;
    private final CreationPlan plan;
    private final Clock clock;
    private final MeasuredAssets measured;
    private final TrainingTimeouts timeouts;

    /** Without a subscription lookup: every seller counts as not subscribed. */
    public CreationService(CreationStore store, SellerStore sellers, BlobStore blobs, WorkflowStarter training,
                           Subcategories subcategories, MediaInspector inspector, Clock clock) {
        this(store, sellers, blobs, training, subcategories, inspector, CreationPlan.Lookup.none(), clock);
    }

    /** With the offline text check ({@link TextInImageDetector#MEASURED}). */
    public CreationService(CreationStore store, SellerStore sellers, BlobStore blobs, WorkflowStarter training,
                           Subcategories subcategories, MediaInspector inspector, CreationPlan.Lookup subscriptions,
                           Clock clock) {
        this(store, sellers, blobs, training, subcategories, inspector, TextInImageDetector.MEASURED, subscriptions, clock);
    }

    public CreationService(CreationStore store, SellerStore sellers, BlobStore blobs, WorkflowStarter training,
                           Subcategories subcategories, MediaInspector inspector, TextInImageDetector texts,
                           CreationPlan.Lookup subscriptions, Clock clock) {
        this.measured = new MeasuredAssets(store, blobs, inspector, texts);
        this.store = store;
        this.sellers = sellers;
        this.blobs = blobs;
        this.training = training;
        this.subcategories = subcategories;
        this.plan = new CreationPlan(subscriptions, clock);
        this.clock = clock;
        this.timeouts = new TrainingTimeouts(store, sellers, clock);
    }

    public record Upload(MediaKind kind, String contentBase64, String filename, AssetSource source, List<String> tags,
                         boolean ownWorkConfirmed) {}

    /** Stores an asset's bytes in the blob store and its metadata in the table (DATA-3). */
    public Asset uploadAsset(String sellerId, Upload upload) {
        if (!upload.ownWorkConfirmed()) {
            throw new DomainException(DomainException.Kind.RULE, "OWN_WORK_NOT_CONFIRMED",
                    "confirm that the asset is your own work (ownWorkConfirmed: true)");
        }
        byte[] content;
        try {
            content = Base64.getMimeDecoder().decode(upload.contentBase64() == null ? "" : upload.contentBase64());
        } catch (IllegalArgumentException e) {
            throw DomainException.validation("contentBase64 is not valid base64");
        }
        if (content.length == 0) {
            throw DomainException.validation("contentBase64 must not be empty");
        }
        if (content.length > MAX_ASSET_BYTES) {
            throw new DomainException(DomainException.Kind.VALIDATION, "ASSET_TOO_LARGE",
                    "an asset may be at most " + MAX_ASSET_BYTES + " bytes; use a pre-signed upload for larger files");
        }
        List<String> tags = AssetTags.normalize(upload.tags());
        String assetId = newId("ast_");
        Asset asset = new Asset(assetId, sellerId, upload.kind(), upload.filename(), upload.source(), tags,
                content.length, Asset.blobKey(sellerId, assetId), clock.instant());
        if (!measured.measure(asset, content).decodable()) {
            throw new DomainException(DomainException.Kind.RULE, "ASSET_KIND_MISMATCH", "the file is not a readable "
                    + upload.kind().name().toLowerCase(Locale.ROOT) + " (images: PNG, JPEG, GIF, BMP; audio: WAV, AIFF, MP3, M4A/AAC;"
                    + " text: UTF-8)");
        }
        blobs.put(asset.blobKey(), content, contentType(upload.kind(), upload.filename()));
        store.saveAsset(asset);
        return asset;
    }

    /** ELIG-2, CM-CAT-1, CM-CAT-2: a DRAFT model of a known subcategory that one of the seller's services is in. */
    public Model createModel(String sellerId, String subcategoryId) {
        requireEligible(sellerId);
        Subcategory subcategory = subcategories.require(subcategoryId);
        boolean offered = sellers.services(sellerId).stream().map(SellerService::subcategory)
                .anyMatch(s -> s != null && (s.strip().equalsIgnoreCase(subcategory.id())
                        || s.strip().equalsIgnoreCase(subcategory.label())));
        if (!offered) {
            throw new DomainException(DomainException.Kind.RULE, "SUBCATEGORY_NOT_OFFERED",
                    "a model's subcategory must be one of your services' subcategories; add a " + subcategory.label()
                            + " service first");
        }
        Model model = Model.draft(newId("mdl_"), sellerId, subcategory.id(), clock.instant());
        if (!store.createModel(model)) {
            throw new DomainException(DomainException.Kind.CONFLICT, "CONFLICT", "model id collision, retry");
        }
        return model;
    }

    /** ELIG-2, ELIG-3: a seller who is (no longer) eligible creates and trains no model. */
    private void requireEligible(String sellerId) {
        CreationPlan.requireEligible(sellers, sellerId);
    }

    public Model model(String sellerId, String modelId) {
        return timeouts.model(sellerId, modelId).orElseThrow(() -> DomainException.notFound("model"));
    }

    public List<Model> models(String sellerId) {
        return timeouts.models(sellerId).stream()
                .sorted(Comparator.comparing(Model::createdAt).thenComparing(Model::id)).toList();
    }

    public Subcategory subcategoryOf(Model model) {
        return subcategories.require(model.subcategory());
    }

    /**
     * CM-TRN-3/4: before subscribing, what is left of the subcategory's trainings per model; when
     * subscribed, what is left of its retrainings in the current billing month (successful trainings
     * that started in it count).
     */
    public int trainingsLeft(Model model) {
        Subcategory subcategory = subcategoryOf(model);
        return plan.currentPeriod(model.sellerId())
                .map(p -> Math.max(0, subcategory.retrainingsPerPeriod() - model.trainingsStartedBetween(p.start(), p.end())))
                .orElseGet(() -> Math.max(0, subcategory.trainingsBeforeSubscription() - model.trainingsUsed()));
    }

    /** Sets the model's training assets; they take effect at the next training (CM-TRN-2). */
    public Model setAssets(String sellerId, String modelId, List<String> assetIds) {
        Model model = model(sellerId, modelId);
        List<String> ids = List.copyOf(new LinkedHashSet<>(assetIds));
        if (ids.size() > MAX_ASSETS_PER_MODEL) {
            throw DomainException.validation("a model takes at most " + MAX_ASSETS_PER_MODEL + " assets");
        }
        for (String id : ids) {
            if (store.asset(sellerId, id).isEmpty()) {
                throw DomainException.notFound("asset " + id);
            }
        }
        return replaceAssets(model, ids);
    }

    /**
     * CM-AST-1 "all": every upload and portfolio asset of the model's media kind, plus the latest
     * 100 work samples.
     */
    public Model setAllAssets(String sellerId, String modelId) {
        Model model = model(sellerId, modelId);
        MediaKind kind = subcategoryOf(model).mediaKind();
        List<Asset> mine = store.assets(sellerId).stream().filter(a -> a.kind() == kind)
                .sorted(Comparator.comparing(Asset::createdAt).reversed().thenComparing(Asset::id)).toList();
        List<String> ids = new ArrayList<>();
        int samples = 0;
        for (Asset asset : mine) {
            if (asset.source() == AssetSource.WORK_SAMPLE) {
                if (samples++ >= MAX_WORK_SAMPLES) {
                    continue;
                }
            }
            if (ids.size() < MAX_ASSETS_PER_MODEL) {
                ids.add(asset.id());
            }
        }
        return replaceAssets(model, ids);
    }

    private Model replaceAssets(Model model, List<String> ids) {
        if (model.status() == ModelStatus.TRAINING) {
            throw trainingInProgress();
        }
        Model withIds = model.withAssets(ids, clock.instant());
        Model updated = withIds.withWarnings(checks(withIds).warnings(), clock.instant());
        if (!store.replaceModel(updated, model)) {
            throw trainingInProgress();
        }
        return updated;
    }

    /**
     * CM-AST-2/3/6, CM-MOD-3: the errors and warnings of the model's current assets, all at once,
     * before any training is spent.
     */
    public AssetChecks.Report checkAssets(String sellerId, String modelId) {
        return checks(model(sellerId, modelId));
    }

    private AssetChecks.Report checks(Model model) {
        return measured.check(model, subcategoryOf(model));
    }

    /**
     * CM-TRN-3, CM-MOD-2, CM-TRN-1: checks the quota and the assets, names the model on its first
     * training, marks it TRAINING under a new training id and starts the training state machine.
     */
    public Model startTraining(String sellerId, String modelId) {
        requireEligible(sellerId);
        plan.requireNotEnded(sellerId);
        Model model = model(sellerId, modelId);
        if (model.status() == ModelStatus.TRAINING) {
            throw trainingInProgress();
        }
        Subcategory subcategory = subcategoryOf(model);
        if (trainingsLeft(model) == 0) {
            throw new DomainException(DomainException.Kind.RULE, "TRAINING_QUOTA_EXHAUSTED", plan.currentPeriod(sellerId)
                    .map(p -> "this model has used its " + subcategory.retrainingsPerPeriod()
                            + " retrainings of this billing month; they reset on " + p.end())
                    .orElse("this model has used its " + subcategory.trainingsBeforeSubscription()
                            + " trainings; subscribe to Creation Model for monthly retrainings"));
        }
        if (model.assetIds().isEmpty()) {
            throw new DomainException(DomainException.Kind.RULE, "NO_ASSETS", "add training assets to the model first");
        }
        AssetChecks.Report checks = checks(model);
        if (!checks.errors().isEmpty()) {
            throw new DomainException(DomainException.Kind.RULE, "ASSETS_INVALID",
                    "fix these assets before training (no training was used): " + String.join("; ", checks.errors()));
        }
        if (subcategory.mediaKind() == MediaKind.TEXT && (model.instructions() == null || model.instructions().isBlank())) {
            throw new DomainException(DomainException.Kind.RULE, "INSTRUCTIONS_REQUIRED",
                    "a text model needs your instructions on what makes your work unique (PUT .../instructions)");
        }
        String name = model.name() != null ? model.name() : generateName(sellerId, subcategory);
        String trainingId = newId("trn_");
        Model started = model.training(trainingId, name, clock.instant());
        if (!store.replaceModel(started, model)) {
            throw trainingInProgress();
        }
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("sellerId", sellerId);
        input.put("modelId", modelId);
        input.put("trainingId", trainingId);
        try {
            training.start("training-" + modelId + "-" + trainingId, input);
        } catch (RuntimeException e) {
            store.replaceModel(started.failed("the training could not be started", clock.instant()), started);
            throw e;
        }
        return started;
    }

    /** CM-MOD-2: "{stem} #n", n one more than the seller's named models of the subcategory. */
    private String generateName(String sellerId, Subcategory subcategory) {
        long named = store.models(sellerId).stream()
                .filter(m -> subcategory.id().equals(m.subcategory()) && m.name() != null).count();
        return subcategory.modelNameStem() + " #" + (named + 1);
    }

    private static DomainException trainingInProgress() {
        return new DomainException(DomainException.Kind.CONFLICT, "TRAINING_IN_PROGRESS",
                "the model is training; wait until it is ready or failed");
    }

    static String newId(String prefix) {
        byte[] bytes = new byte[10];
        RANDOM.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }

    static String contentType(MediaKind kind, String filename) {
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) return "image/png";
        if (name.endsWith(".jpg") || name.endsWith(".jpeg")) return "image/jpeg";
        if (name.endsWith(".wav")) return "audio/wav";
        if (name.endsWith(".mp3")) return "audio/mpeg";
        if (name.endsWith(".m4a") || name.endsWith(".aac")) return "audio/mp4";
        if (name.endsWith(".txt")) return "text/plain";
        return switch (kind) {
            case IMAGE, AUDIO -> "application/octet-stream";
            case TEXT -> "text/plain";
        };
    }

}
