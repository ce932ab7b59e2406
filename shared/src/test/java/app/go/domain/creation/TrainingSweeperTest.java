package app.go.domain.creation;

import app.go.domain.seller.Notification;
import app.go.domain.port.CreationStore;
import app.go.domain.port.SellerStore;
import app.go.support.time.AdjustableClock;
import app.go.testing.InMemoryCreationStore;
import app.go.testing.InMemorySellerStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The scheduled sweep fails timed-out trainings for sellers who never read their models. */
class TrainingSweeperTest {
    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    private final InMemoryCreationStore store = new InMemoryCreationStore();
    private final InMemorySellerStore sellers = new InMemorySellerStore();
    private final AdjustableClock clock = new AdjustableClock(Clock.fixed(START, ZoneOffset.UTC));
    private final TrainingSweeper sweeper = new TrainingSweeper(store, sellers, clock);

    private Model training(String seller, String id, Instant startedAt) {
        Model model = Model.draft(id, seller, "TATTOO", startedAt).training("trn_" + id, "Tattoo Style #1", startedAt);
        store.createModel(model);
        return model;
    }

    private List<Notification> failedNotices(String seller) {
        return sellers.notifications(seller).stream().filter(n -> n.type().equals("TRAINING_FAILED")).toList();
    }

    @Test
    @DisplayName("CM-TRN-1 the sweep fails every seller's training past the bound, tells each seller once, and leaves trainings within it alone")
    void failsTimedOutTrainingsOfEverySeller() {
        training("s-1", "mdl_a", START);
        training("s-2", "mdl_b", START.plusSeconds(60));
        clock.advance(Model.TRAINING_STALE_AFTER.plusSeconds(30));
        training("s-1", "mdl_c", clock.instant().minusSeconds(60));

        assertEquals(1, sweeper.sweep());
        clock.advance(Duration.ofSeconds(60));
        assertEquals(1, sweeper.sweep(), "the first model is no longer TRAINING; the second is now past the bound");
        assertEquals(0, sweeper.sweep());

        assertEquals(ModelStatus.FAILED, store.model("s-1", "mdl_a").orElseThrow().status());
        assertEquals(Model.TRAINING_TIMED_OUT, store.model("s-2", "mdl_b").orElseThrow().failureReason());
        assertEquals(ModelStatus.TRAINING, store.model("s-1", "mdl_c").orElseThrow().status());
        assertEquals(List.of("training-trn_mdl_a"), failedNotices("s-1").stream().map(Notification::id).toList());
        assertEquals(List.of("training-trn_mdl_b"), failedNotices("s-2").stream().map(Notification::id).toList());
    }

    @Test
    @DisplayName("CM-TRN-1 a sweep after a read failed the training, or racing one, adds no second notice")
    void sweepAndReadNotifyOnce() {
        Model stale = training("s-1", "mdl_a", START);
        clock.advance(Model.TRAINING_STALE_AFTER.plusMinutes(1));
        new TrainingTimeouts(store, sellers, clock).model("s-1", "mdl_a");
        clock.advance(Duration.ofMinutes(10));
        // an index that still lists the model as TRAINING
        CreationStore lagging = (CreationStore) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{CreationStore.class}, (proxy, method, args) -> method.getName().equals("trainingsStartedBefore")
                        ? List.of(stale) : method.invoke(store, args));

        assertEquals(1, new TrainingSweeper(lagging, sellers, clock).sweep());
        sweeper.sweep();

        assertEquals(1, failedNotices("s-1").size());
        assertEquals(1, sellers.notifications("s-1").size());
    }

    @Test
    @DisplayName("CM-TRN-1 one model the sweep cannot fail does not keep the others TRAINING")
    void oneFailureDoesNotStopTheSweep() {
        training("s-bad", "mdl_a", START);
        training("s-2", "mdl_b", START);
        clock.advance(Model.TRAINING_STALE_AFTER.plusMinutes(1));
        SellerStore refusing = (SellerStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{SellerStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("addNotification") && "s-bad".equals(args[0])) {
                        throw new IllegalStateException("notifications unavailable");
                    }
                    return method.invoke(sellers, args);
                });

        assertEquals(1, new TrainingSweeper(store, refusing, clock).sweep());

        assertEquals(ModelStatus.TRAINING, store.model("s-bad", "mdl_a").orElseThrow().status(), "not failed before the seller is told");
        assertEquals(ModelStatus.FAILED, store.model("s-2", "mdl_b").orElseThrow().status());
    }
}
