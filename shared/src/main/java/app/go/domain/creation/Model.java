package app.go.domain.creation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A seller's Creation Model. {@code trainingId} names the current (or last) training; every
 * pipeline step is guarded by it, so a stale or repeated step changes nothing.
 *
 * <p>Two groups of fields are written separately, so neither overwrites the other:
 * the training state (status, assets, warnings, counters; {@link CreationStore#replaceModel}) and
 * the seller's settings ({@code instructions}, {@code pricing}, visibility, {@code published};
 * {@link CreationStore#updateModelSettings}). Whether a model is active is kept on a per-seller item
 * ({@link CreationStore#activeModelIds}), not here.
 *
 * @param retrainingRequired  the assets changed since the last successful training (CM-TRN-2)
 * @param trainingStartedAt   when the current (or last) training started
 * @param trainingStarts      start times of the successful trainings, newest last, at most
 *                            {@link #KEPT_TRAINING_STARTS} (CM-TRN-3/4 count them per billing period)
 */
public record Model(String id, String sellerId, String subcategory, String name, ModelStatus status,
                    List<String> assetIds, List<String> warnings, int trainingsUsed, String failureReason,
                    String trainingId, Instant createdAt, Instant updatedAt,
                    String instructions, Pricing pricing, boolean onServices, boolean onProfile, boolean published,
                    boolean retrainingRequired, Instant trainingStartedAt, List<Instant> trainingStarts) {

    /** More than any period's retrainings. */
    public static final int KEPT_TRAINING_STARTS = 12;

    /**
     * CM-TRN-1: a training that started longer ago than this is over, even if its pipeline never
     * reported back (its MarkFailed step failed too). Longer than the longest run
     * {@code statemachines/training.asl.json} allows: every Task's attempts at their TimeoutSeconds
     * plus the backoff between them, about 17 minutes (a local test recomputes it from the file).
     */
    public static final Duration TRAINING_STALE_AFTER = Duration.ofMinutes(30);
    public static final String TRAINING_TIMED_OUT = "training timed out";

    public Model {
        assetIds = assetIds == null ? List.of() : List.copyOf(assetIds);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        trainingStarts = trainingStarts == null ? List.of() : List.copyOf(trainingStarts);
    }

    /** The model as the foundation knew it, with default settings. */
    public Model(String id, String sellerId, String subcategory, String name, ModelStatus status, List<String> assetIds,
                 List<String> warnings, int trainingsUsed, String failureReason, String trainingId, Instant createdAt,
                 Instant updatedAt) {
        this(id, sellerId, subcategory, name, status, assetIds, warnings, trainingsUsed, failureReason, trainingId,
                createdAt, updatedAt, null, null, false, false, false, false, null, List.of());
    }

    /** CM-MOD-5: a new model is shown on services and on the profile until the seller narrows that. */
    public static Model draft(String id, String sellerId, String subcategory, Instant now) {
        return new Model(id, sellerId, subcategory, null, ModelStatus.DRAFT, List.of(), List.of(), 0, null, null, now, now,
                null, null, true, true, false, false, null, List.of());
    }

    /** CM-MOD-5: shown nowhere; clients cannot find or generate from it. */
    public boolean hidden() {
        return !onServices && !onProfile;
    }

    // ---- training state ------------------------------------------------------------------------

    /** New assets take effect at the next training (CM-TRN-2); a model never trained needs no "re"training. */
    public Model withAssets(List<String> ids, Instant now) {
        boolean changed = !List.copyOf(ids).equals(assetIds);
        boolean retrain = retrainingRequired || (changed && !trainingStarts.isEmpty());
        return new Model(id, sellerId, subcategory, name, status, ids, warnings, trainingsUsed, failureReason, trainingId,
                createdAt, now, instructions, pricing, onServices, onProfile, published, retrain, trainingStartedAt,
                trainingStarts);
    }

    public Model training(String newTrainingId, String newName, Instant now) {
        return new Model(id, sellerId, subcategory, newName, ModelStatus.TRAINING, assetIds, List.of(), trainingsUsed, null,
                newTrainingId, createdAt, now, instructions, pricing, onServices, onProfile, published, retrainingRequired,
                now, trainingStarts);
    }

    public Model withWarnings(List<String> newWarnings, Instant now) {
        return new Model(id, sellerId, subcategory, name, status, assetIds, newWarnings, trainingsUsed, failureReason,
                trainingId, createdAt, now, instructions, pricing, onServices, onProfile, published, retrainingRequired,
                trainingStartedAt, trainingStarts);
    }

    /** A successful training: counted, its start remembered, and the assets are now in effect. */
    public Model ready(Instant now) {
        List<Instant> starts = new ArrayList<>(trainingStarts);
        starts.add(trainingStartedAt != null ? trainingStartedAt : now);
        while (starts.size() > KEPT_TRAINING_STARTS) {
            starts.remove(0);
        }
        return new Model(id, sellerId, subcategory, name, ModelStatus.READY, assetIds, warnings, trainingsUsed + 1, null,
                trainingId, createdAt, now, instructions, pricing, onServices, onProfile, published, false,
                trainingStartedAt, starts);
    }

    public Model failed(String reason, Instant now) {
        return new Model(id, sellerId, subcategory, name, ModelStatus.FAILED, assetIds, warnings, trainingsUsed, reason,
                trainingId, createdAt, now, instructions, pricing, onServices, onProfile, published, retrainingRequired,
                trainingStartedAt, trainingStarts);
    }

    /** CM-TRN-1: TRAINING for longer than {@link #TRAINING_STALE_AFTER}. */
    public boolean trainingTimedOut(Instant now) {
        Instant deadline = trainingDeadline();
        return status == ModelStatus.TRAINING && deadline != null && now.isAfter(deadline);
    }

    /** When the current (or last) training is over at the latest: its start plus {@link #TRAINING_STALE_AFTER}. */
    public Instant trainingDeadline() {
        Instant started = trainingStartedAt != null ? trainingStartedAt : updatedAt;
        return started == null ? null : started.plus(TRAINING_STALE_AFTER);
    }

    public boolean isTraining(String aTrainingId) {
        return status == ModelStatus.TRAINING && aTrainingId != null && aTrainingId.equals(trainingId);
    }

    /** Successful trainings that started in {@code [from, to)}. */
    public int trainingsStartedBetween(Instant from, Instant to) {
        return (int) trainingStarts.stream().filter(t -> !t.isBefore(from) && t.isBefore(to)).count();
    }

    // ---- seller's settings ---------------------------------------------------------------------

    public Model withInstructions(String text, Instant now) {
        return new Model(id, sellerId, subcategory, name, status, assetIds, warnings, trainingsUsed, failureReason,
                trainingId, createdAt, now, text, pricing, onServices, onProfile, published, retrainingRequired,
                trainingStartedAt, trainingStarts);
    }

    public Model withPricing(Pricing newPricing, Instant now) {
        return new Model(id, sellerId, subcategory, name, status, assetIds, warnings, trainingsUsed, failureReason,
                trainingId, createdAt, now, instructions, newPricing, onServices, onProfile, published, retrainingRequired,
                trainingStartedAt, trainingStarts);
    }

    public Model withVisibility(boolean services, boolean profile, Instant now) {
        return new Model(id, sellerId, subcategory, name, status, assetIds, warnings, trainingsUsed, failureReason,
                trainingId, createdAt, now, instructions, pricing, services, profile, published, retrainingRequired,
                trainingStartedAt, trainingStarts);
    }

    public Model withPublished(boolean isPublished, Instant now) {
        return new Model(id, sellerId, subcategory, name, status, assetIds, warnings, trainingsUsed, failureReason,
                trainingId, createdAt, now, instructions, pricing, onServices, onProfile, isPublished, retrainingRequired,
                trainingStartedAt, trainingStarts);
    }

    /** This model's training state with {@code stored}'s settings: what a training-state write leaves behind. */
    public Model withSettingsOf(Model stored) {
        return new Model(id, sellerId, subcategory, name, status, assetIds, warnings, trainingsUsed, failureReason,
                trainingId, createdAt, updatedAt, stored.instructions, stored.pricing, stored.onServices, stored.onProfile,
                stored.published, retrainingRequired, trainingStartedAt, trainingStarts);
    }

    /** {@code stored}'s training state with this model's settings (and update time): what a settings write leaves behind. */
    public Model withTrainingStateOf(Model stored) {
        return new Model(id, sellerId, stored.subcategory, stored.name, stored.status, stored.assetIds, stored.warnings,
                stored.trainingsUsed, stored.failureReason, stored.trainingId, stored.createdAt, updatedAt, instructions,
                pricing, onServices, onProfile, published, stored.retrainingRequired, stored.trainingStartedAt,
                stored.trainingStarts);
    }
}
