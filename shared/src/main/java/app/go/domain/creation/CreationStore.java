package app.go.domain.creation;

import java.util.List;
import java.util.Optional;

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
     * Replaces a model only if it still has {@code expected}'s status and training id (optimistic
     * concurrency: the guard that makes each pipeline step count once).
     *
     * @return false, changing nothing, when the stored model moved on
     */
    boolean replaceModel(Model updated, Model expected);
}
