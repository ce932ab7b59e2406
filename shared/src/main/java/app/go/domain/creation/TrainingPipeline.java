package app.go.domain.creation;

import app.go.domain.port.BlobStore;
import app.go.domain.port.CreationStore;
import app.go.domain.port.MediaInspector;
import app.go.domain.port.SellerStore;
import app.go.domain.port.StyleDescriber;
import app.go.domain.port.TextInImageDetector;
import app.go.domain.seller.Notification;
import app.go.support.json.Json;
import app.go.support.log.BusinessMetric;
import app.go.support.log.Log;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The steps of the training state machine (CM-TRN-1): VALIDATE ({@link AssetChecks} on the
 * measured assets), TRAIN ({@link StyleTrainer} writes the {@link StyleProfile} the generators
 * read), FINISH, FAIL. Each step is idempotent and guarded by the training id, so a retried or
 * stale step changes nothing twice. Assets are decoded once ({@link MeasuredAssets}); the steps
 * read their stored facts.
 */
public final class TrainingPipeline {
    private static final int MAX_REASON = 500;

    private final CreationStore store;
    private final SellerStore sellers;
    private final Subcategories subcategories;
    private final MeasuredAssets measured;
    private final StyleTrainer trainer;
    private final BlobStore blobs;
    private final Clock clock;

    /** With the offline text check ({@link TextInImageDetector#MEASURED}). */
    public TrainingPipeline(CreationStore store, SellerStore sellers, BlobStore blobs, Subcategories subcategories,
                            MediaInspector inspector, StyleDescriber describer, Clock clock) {
        this(store, sellers, blobs, subcategories, inspector, TextInImageDetector.MEASURED, describer, clock);
    }

    public TrainingPipeline(CreationStore store, SellerStore sellers, BlobStore blobs, Subcategories subcategories,
                            MediaInspector inspector, TextInImageDetector texts, StyleDescriber describer, Clock clock) {
        this.store = store;
        this.sellers = sellers;
        this.blobs = blobs;
        this.subcategories = subcategories;
        this.measured = new MeasuredAssets(store, blobs, inspector, texts);
        this.trainer = new StyleTrainer(blobs, describer);
        this.clock = clock;
    }

    public static String profileKey(String sellerId, String modelId, String trainingId) {
        return StyleProfile.key(sellerId, modelId, trainingId);
    }

    // ---- VALIDATE ------------------------------------------------------------------------------

    /**
     * Hard problems (missing or wrong media, undecodable bytes, audio shorter than the subcategory's
     * minimum, CM-AST-2) throw {@link AssetValidationFailedException}; soft ones (CM-AST-3/6) are
     * saved as warnings.
     *
     * @return the warnings
     */
    public List<String> validate(String sellerId, String modelId, String trainingId) {
        Model model = current(sellerId, modelId, trainingId);
        AssetChecks.Report report = check(model);
        if (!report.errors().isEmpty()) {
            throw new AssetValidationFailedException(String.join("; ", report.errors()));
        }
        if (!report.warnings().equals(model.warnings())) {
            if (!store.replaceModel(model.withWarnings(report.warnings(), clock.instant()), model)) {
                throw new StaleTrainingException("training " + trainingId + " of model " + modelId + " moved on");
            }
        }
        return report.warnings();
    }

    AssetChecks.Report check(Model model) {
        return measured.check(model, subcategories.require(model.subcategory()));
    }

    // ---- TRAIN ---------------------------------------------------------------------------------

    /**
     * Learns the style and stores it at {@link StyleProfile#key}. Same assets, same profile: a retry
     * rewrites the same bytes.
     *
     * @return the artefact's key
     */
    public String train(String sellerId, String modelId, String trainingId) {
        Model model = current(sellerId, modelId, trainingId);
        List<String> problems = new ArrayList<>();
        List<MeasuredAssets.Measured> assets = measured.of(model, problems);
        if (!problems.isEmpty()) {
            throw new AssetValidationFailedException(String.join("; ", problems));
        }
        MediaKind kind = subcategories.require(model.subcategory()).mediaKind();
        StyleProfile profile = trainer.train(model, trainingId, kind, assets);
        String key = StyleProfile.key(sellerId, modelId, trainingId);
        blobs.put(key, profile.toJson(), "application/json");
        return key;
    }

    // ---- FINISH / FAIL -------------------------------------------------------------------------

    /**
     * Marks the model READY, counts the training and tells the seller (TRAINING_DONE). Guarded by
     * the training id and the TRAINING status: a second FINISH counts nothing; it only re-puts the
     * same notification (same id and time), which changes nothing.
     */
    public Model finish(String sellerId, String modelId, String trainingId) {
        Model model = store.model(sellerId, modelId)
                .orElseThrow(() -> new StaleTrainingException("model " + modelId + " not found"));
        Model done;
        if (model.isTraining(trainingId)) {
            done = model.ready(clock.instant());
            if (!store.replaceModel(done, model)) {
                return finish(sellerId, modelId, trainingId);
            }
            Log.count(BusinessMetric.TRAININGS);
        } else if (model.status() == ModelStatus.READY && trainingId.equals(model.trainingId())) {
            done = model;
        } else {
            throw new StaleTrainingException("training " + trainingId + " of model " + modelId + " is not current");
        }
        sellers.addNotification(sellerId, new Notification("training-" + trainingId, "TRAINING_DONE", null, done.updatedAt()));
        return done;
    }

    /**
     * Marks the model FAILED with the reason from the state machine's error ({@code {"Error","Cause"}}).
     * Only the current training can fail the model; anything else is a no-op.
     */
    public Model fail(String sellerId, String modelId, String trainingId, Object error) {
        Model model = store.model(sellerId, modelId).orElse(null);
        if (model != null && model.status() == ModelStatus.FAILED && trainingId.equals(model.trainingId())) {
            // a retried FAIL whose first attempt stored FAILED and died before telling the seller: tell now
            // (same id and time as that attempt's notice, so a second put changes nothing)
            notifyFailed(sellerId, model);
            return model;
        }
        if (model == null || !model.isTraining(trainingId)) {
            return model;
        }
        Model failed = model.failed(reason(error), clock.instant());
        if (!store.replaceModel(failed, model)) {
            return store.model(sellerId, modelId).orElse(null);
        }
        notifyFailed(sellerId, failed);
        return failed;
    }

    private void notifyFailed(String sellerId, Model failed) {
        sellers.addNotification(sellerId, failedNotice(failed));
    }

    /**
     * The one TRAINING_FAILED notice of a training, derived from the stored FAILED model alone, so
     * every attempt (a retried FAIL, a read that fails a timed-out training, a lost race) puts the
     * same item. A timed-out training is dated by its deadline, which a reader knows before it
     * writes anything ({@link TrainingTimeouts}).
     */
    static Notification failedNotice(Model failed) {
        Instant at = Model.TRAINING_TIMED_OUT.equals(failed.failureReason()) && failed.trainingDeadline() != null
                ? failed.trainingDeadline() : failed.updatedAt();
        return new Notification("training-" + failed.trainingId(), "TRAINING_FAILED", null, at);
    }

    /** "ErrorName: message" from a Step Functions error, whose Cause may be a Lambda error's JSON. */
    static String reason(Object error) {
        if (error == null) {
            return "training failed";
        }
        JsonNode node = Json.MAPPER.valueToTree(error);
        if (!node.isObject()) {
            return clip(node.asText("training failed"));
        }
        String name = node.path("Error").asText("");
        String cause = node.path("Cause").asText("");
        String message = cause;
        if (cause.startsWith("{")) {
            try {
                JsonNode parsed = Json.parse(cause);
                message = parsed.path("errorMessage").asText(cause);
                if (name.isEmpty()) {
                    name = parsed.path("errorType").asText("");
                }
            } catch (IllegalArgumentException ignored) {
                // not JSON after all: keep the raw cause
            }
        }
        name = name.substring(name.lastIndexOf('.') + 1);
        String text = name.isEmpty() ? message : message.isEmpty() ? name : name + ": " + message;
        return clip(text.isEmpty() ? "training failed" : text);
    }

    // ---- helpers -------------------------------------------------------------------------------

    private Model current(String sellerId, String modelId, String trainingId) {
        Model model = store.model(sellerId, modelId)
                .orElseThrow(() -> new StaleTrainingException("model " + modelId + " not found"));
        if (!model.isTraining(trainingId)) {
            throw new StaleTrainingException("training " + trainingId + " of model " + modelId + " is not current");
        }
        return model;
    }

    private static String clip(String text) {
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON);
    }
}
