package app.go.domain.port;

import app.go.domain.creation.Asset;
import app.go.domain.creation.Model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Port to a seller's models and assets; every key is the seller's own (CM-MOD-4). */
public interface CreationStore {

    void saveAsset(Asset asset);

    Optional<Asset> asset(String sellerId, String assetId);

    List<Asset> assets(String sellerId);

    /** Stores a new model; false when the id is taken. */
    boolean createModel(Model model);

    Optional<Model> model(String sellerId, String modelId);

    List<Model> models(String sellerId);

    /**
     * Every seller's models still TRAINING whose training started at or before {@code startedBefore}
     * (CM-TRN-1: the training sweep finds the timed-out ones without a seller's read).
     */
    List<Model> trainingsStartedBefore(Instant startedBefore);

    /**
     * Replaces a model only if it still has {@code expected}'s status and training id (optimistic
     * concurrency: the guard that makes each pipeline step count once).
     *
     * @return false, changing nothing, when the stored model moved on
     */
    boolean replaceModel(Model updated, Model expected);

    /**
     * Writes only the seller's settings of the model (instructions, pricing, visibility,
     * published), leaving its training state as stored.
     *
     * @return false when the model does not exist
     */
    boolean updateModelSettings(Model model);

    /** The seller's active models (CM-MOD-1). */
    Set<String> activeModelIds(String sellerId);

    /**
     * Marks the model active unless the seller already has {@code limit} other active models, in
     * one conditional write (two concurrent activations cannot both take the last place).
     *
     * @return false when the limit is reached; true when activated or already active
     */
    boolean activateModel(String sellerId, String modelId, int limit);

    void deactivateModel(String sellerId, String modelId);
}
