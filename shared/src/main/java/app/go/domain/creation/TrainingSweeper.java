package app.go.domain.creation;

import app.go.domain.port.CreationStore;
import app.go.domain.port.SellerStore;
import app.go.support.log.Log;

import java.time.Clock;
import java.util.List;

/**
 * CM-TRN-1, run by the training schedule: fails every training older than
 * {@link Model#TRAINING_STALE_AFTER} the way a read does ({@link TrainingTimeouts}), so a seller
 * who never opens the model is told it failed all the same. A model a read already failed is no
 * longer TRAINING and not found; one a read fails at the same time gets the same single notice.

 */
public final class TrainingSweeper {
    private static final Log LOG = Log.get(TrainingSweeper.class);

    private final CreationStore store;
    private final TrainingTimeouts timeouts;
    private final Clock clock;

    public TrainingSweeper(CreationStore store, SellerStore sellers, Clock clock) {
        this.store = store;
        this.timeouts = new TrainingTimeouts(store, sellers, clock);
        this.clock = clock;
    }

    /** @return how many of the trainings found are FAILED now (by this run or a read just before) */
    public int sweep() {
        List<Model> stale = store.trainingsStartedBefore(clock.instant().minus(Model.TRAINING_STALE_AFTER));
        int failed = 0;
        int errors = 0;
        for (Model model : stale) {
            try {
                // read again from the table: the index may lag behind a training that moved on
                if (timeouts.model(model.sellerId(), model.id()).filter(m -> m.status() == ModelStatus.FAILED).isPresent()) {
                    failed++;
                }
            } catch (RuntimeException e) { // one model must not keep the others TRAINING; the next run tries again
                errors++;
                LOG.error("timed-out training not failed", e, "sellerId", model.sellerId(), "modelId", model.id());
            }
        }
        if (!stale.isEmpty()) {
            LOG.info("trainings swept", "found", stale.size(), "failed", failed, "errors", errors);
        }
        return failed;
    }
}
