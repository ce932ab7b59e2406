package app.go.domain.creation;

import app.go.domain.port.CreationStore;
import app.go.domain.port.SellerStore;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * CM-TRN-1: a training older than {@link Model#TRAINING_STALE_AFTER} is over. Every read of a
 * seller's model that decides on or shows its status ({@link CreationService},
 * {@link ModelManagement}) goes through here, so all of them see such a model FAILED, stored and
 * notified the same way.
 */
final class TrainingTimeouts {
    private final CreationStore store;
    private final SellerStore sellers;
    private final Clock clock;

    TrainingTimeouts(CreationStore store, SellerStore sellers, Clock clock) {
        this.store = store;
        this.sellers = sellers;
        this.clock = clock;
    }

    Optional<Model> model(String sellerId, String modelId) {
        return store.model(sellerId, modelId).map(this::failIfTimedOut);
    }

    List<Model> models(String sellerId) {
        return store.models(sellerId).stream().map(this::failIfTimedOut).toList();
    }

    /**
     * Fails a timed-out training, with the replace guarded by its training id, so a newer training
     * wins the race. The seller is told first, with the notice {@link TrainingPipeline#failedNotice}
     * gives the stored FAILED model (its time is the training's deadline, known before the write):
     * a reader that dies between the two writes leaves the model TRAINING, and the next read, or a
     * concurrent one that lost the replace, puts the same notice again, which changes nothing. No
     * step of this training can still finish it: the bound exceeds the longest run.
     */
    Model failIfTimedOut(Model model) {
        if (!model.trainingTimedOut(clock.instant())) {
            return model;
        }
        Model failed = model.failed(Model.TRAINING_TIMED_OUT, clock.instant());
        sellers.addNotification(model.sellerId(), TrainingPipeline.failedNotice(failed));
        if (!store.replaceModel(failed, model)) {
            return store.model(model.sellerId(), model.id()).orElse(model);
        }
        return failed;
    }
}
