package app.go.testing;

import app.go.domain.creation.Asset;
import app.go.domain.port.CreationStore;
import app.go.domain.creation.Model;
import app.go.domain.creation.ModelStatus;

import java.time.Instant;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** CreationStore in memory, with the same conditional writes as the DynamoDB adapter. */
public final class InMemoryCreationStore implements CreationStore {
    private final SellerItems<Asset> assets = new SellerItems<>(Asset::sellerId, Asset::id);
    private final SellerItems<Model> models = new SellerItems<>(Model::sellerId, Model::id);
    private final Map<String, Set<String>> active = new LinkedHashMap<>();

    /** Stores the model as is, replacing any with its id (test setup, e.g. a model a finished training left READY). */
    public synchronized void put(Model model) {
        models.put(model);
    }

    /** Every seller's assets. */
    public synchronized List<Asset> allAssets() {
        return assets.all();
    }

    /** The seller owning a model with this id, like the table's public-id index. */
    public synchronized Optional<String> sellerOfModel(String modelId) {
        return models.withId(modelId).map(Model::sellerId);
    }

    @Override
    public synchronized void saveAsset(Asset asset) {
        assets.put(asset);
    }

    @Override
    public synchronized Optional<Asset> asset(String sellerId, String assetId) {
        return assets.get(sellerId, assetId);
    }

    @Override
    public synchronized List<Asset> assets(String sellerId) {
        return assets.of(sellerId);
    }

    @Override
    public synchronized boolean createModel(Model model) {
        return models.putIfAbsent(model);
    }

    @Override
    public synchronized Optional<Model> model(String sellerId, String modelId) {
        return models.get(sellerId, modelId);
    }

    @Override
    public synchronized List<Model> models(String sellerId) {
        return models.of(sellerId);
    }

    /** Like the table: a training-state write leaves the seller's settings as stored. */
    @Override
    public synchronized List<Model> trainingsStartedBefore(Instant startedBefore) {
        return models.all().stream().filter(m -> m.status() == ModelStatus.TRAINING && m.trainingStartedAt() != null
                && !m.trainingStartedAt().isAfter(startedBefore)).toList();
    }

    @Override
    public synchronized boolean replaceModel(Model updated, Model expected) {
        return models.replace(updated.sellerId(), updated.id(),
                stored -> stored.status() == expected.status() && Objects.equals(stored.trainingId(), expected.trainingId()),
                updated::withSettingsOf);
    }

    @Override
    public synchronized boolean updateModelSettings(Model model) {
        return models.replace(model.sellerId(), model.id(), stored -> true, model::withTrainingStateOf);
    }

    @Override
    public synchronized Set<String> activeModelIds(String sellerId) {
        return Set.copyOf(active.getOrDefault(sellerId, Set.of()));
    }

    @Override
    public synchronized boolean activateModel(String sellerId, String modelId, int limit) {
        Set<String> ids = active.computeIfAbsent(sellerId, s -> new LinkedHashSet<>());
        if (!ids.contains(modelId) && ids.size() >= limit) {
            return false;
        }
        ids.add(modelId);
        return true;
    }

    @Override
    public synchronized void deactivateModel(String sellerId, String modelId) {
        Set<String> ids = active.get(sellerId);
        if (ids != null) {
            ids.remove(modelId);
        }
    }
}
