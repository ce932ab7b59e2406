package app.go.domain.creation;

import java.time.Instant;
import java.util.List;

/**
 * A seller's Creation Model. {@code trainingId} names the current (or last) training; every
 * pipeline step is guarded by it, so a stale or repeated step changes nothing.
 */
public record Model(String id, String sellerId, String subcategory, String name, ModelStatus status,
                    List<String> assetIds, List<String> warnings, int trainingsUsed, String failureReason,
                    String trainingId, Instant createdAt, Instant updatedAt) {

    public Model {
        assetIds = assetIds == null ? List.of() : List.copyOf(assetIds);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public static Model draft(String id, String sellerId, String subcategory, Instant now) {
        return new Model(id, sellerId, subcategory, null, ModelStatus.DRAFT, List.of(), List.of(), 0, null, null, now, now);
    }

    public Model withAssets(List<String> ids, Instant now) {
        return new Model(id, sellerId, subcategory, name, status, ids, warnings, trainingsUsed, failureReason, trainingId,
                createdAt, now);
    }

    public Model training(String newTrainingId, String newName, Instant now) {
        return new Model(id, sellerId, subcategory, newName, ModelStatus.TRAINING, assetIds, List.of(), trainingsUsed, null,
                newTrainingId, createdAt, now);
    }

    public Model withWarnings(List<String> newWarnings, Instant now) {
        return new Model(id, sellerId, subcategory, name, status, assetIds, newWarnings, trainingsUsed, failureReason,
                trainingId, createdAt, now);
    }

    public Model ready(Instant now) {
        return new Model(id, sellerId, subcategory, name, ModelStatus.READY, assetIds, warnings, trainingsUsed + 1, null,
                trainingId, createdAt, now);
    }

    public Model failed(String reason, Instant now) {
        return new Model(id, sellerId, subcategory, name, ModelStatus.FAILED, assetIds, warnings, trainingsUsed, reason,
                trainingId, createdAt, now);
    }

    public boolean isTraining(String aTrainingId) {
        return status == ModelStatus.TRAINING && aTrainingId != null && aTrainingId.equals(trainingId);
    }
}
