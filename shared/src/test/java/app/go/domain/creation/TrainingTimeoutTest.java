package app.go.domain.creation;

import app.go.adapter.media.JdkMediaInspector;
import app.go.adapter.offline.OfflineAssetGenerator;
import app.go.domain.billing.PaymentMethod;
import app.go.domain.billing.Plan;
import app.go.domain.billing.Subscription;
import app.go.domain.port.StyleDescriber;

import app.go.domain.creation.Asset;
import app.go.domain.creation.AssetSource;
import app.go.domain.creation.CreationService;
import app.go.domain.creation.MediaKind;
import app.go.domain.creation.Model;
import app.go.domain.creation.ModelStatus;
import app.go.domain.creation.StaleTrainingException;
import app.go.domain.creation.Subcategories;
import app.go.domain.creation.TrainingPipeline;
import app.go.domain.seller.Notification;
import app.go.domain.seller.SellerAccount;
import app.go.support.errors.DomainException;
import app.go.support.time.AdjustableClock;
import app.go.testing.InMemoryBlobStore;
import app.go.testing.InMemoryCreationStore;
import app.go.testing.InMemorySellerStore;
import app.go.testing.RecordingWorkflowStarter;
import app.go.testing.TestMedia;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A training whose pipeline never reported back (e.g. its MarkFailed step failed) must not block the model forever. */
class TrainingTimeoutTest {
    private static final String SELLER = "s-1";

    private final InMemoryCreationStore store = new InMemoryCreationStore();
    private final InMemorySellerStore sellers = new InMemorySellerStore();
    private final InMemoryBlobStore blobs = new InMemoryBlobStore();
    private final RecordingWorkflowStarter workflows = new RecordingWorkflowStarter();
    private final AdjustableClock clock = new AdjustableClock(Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC));
    private final CreationService service = new CreationService(store, sellers, blobs, workflows, Subcategories.standard(), new JdkMediaInspector(), clock);
    private final TrainingPipeline pipeline = new TrainingPipeline(store, sellers, blobs, Subcategories.standard(), new JdkMediaInspector(),
            StyleDescriber.MEASURED, clock);

    private final Subscription subscription = Subscription.start(SELLER, Plan.CREATION_MODEL,
            Instant.parse("2026-02-01T00:00:00Z"), new PaymentMethod(PaymentMethod.Type.CARD, "tok_visa"), true);
    private final ModelManagement management = new ModelManagement(store, sellers, blobs, new OfflineAssetGenerator(),
            Subcategories.standard(), sellerId -> Optional.of(subscription), clock);

    private Model model;

    @BeforeEach
    void modelWithAssets() {
        sellers.saveAccount(new SellerAccount(SELLER, 2, false, "UTC", false));
        sellers.offers(SELLER, "TATTOO");
        Asset image = service.uploadAsset(SELLER, new CreationService.Upload(MediaKind.IMAGE,
                Base64.getEncoder().encodeToString(TestMedia.png(1024, 1024, Color.BLUE)), "a.png", AssetSource.UPLOAD,
                List.of("style"), true));
        model = service.createModel(SELLER, "TATTOO");
        service.setAssets(SELLER, model.id(), List.of(image.id()));
    }

    private String code(Runnable action) {
        return assertThrows(DomainException.class, action::run).code();
    }

    @Test
    @DisplayName("CM-TRN-1 a training is in progress up to the staleness bound, which is 30 minutes")
    void inProgressUntilTheBound() {
        assertEquals(Duration.ofMinutes(30), Model.TRAINING_STALE_AFTER);
        String trainingId = service.startTraining(SELLER, model.id()).trainingId();
        clock.advance(Model.TRAINING_STALE_AFTER);

        assertEquals(ModelStatus.TRAINING, service.model(SELLER, model.id()).status());
        assertEquals("TRAINING_IN_PROGRESS", code(() -> service.startTraining(SELLER, model.id())));
        assertEquals(trainingId, store.model(SELLER, model.id()).orElseThrow().trainingId());
    }

    @Test
    @DisplayName("CM-TRN-1 reading a model whose training is older than the bound shows it FAILED with \"training timed out\", stored and notified once")
    void readingAStaleTrainingFailsIt() {
        String trainingId = service.startTraining(SELLER, model.id()).trainingId();
        clock.advance(Model.TRAINING_STALE_AFTER.plusSeconds(1));

        Model read = service.model(SELLER, model.id());
        assertEquals(ModelStatus.FAILED, read.status());
        assertEquals("training timed out", read.failureReason());
        assertEquals(trainingId, read.trainingId());
        assertEquals(read, store.model(SELLER, model.id()).orElseThrow());
        assertEquals(ModelStatus.FAILED, service.models(SELLER).get(0).status());
        List<Notification> notes = sellers.notifications(SELLER);
        assertEquals(1, notes.stream().filter(n -> n.id().equals("training-" + trainingId)).count());
        assertEquals("TRAINING_FAILED", notes.get(0).type());
    }

    @Test
    @DisplayName("CM-TRN-1 when MarkFailed itself failed and the model stayed TRAINING, a new training starts once the old one is stale")
    void newTrainingAfterAStaleOne() {
        String stale = service.startTraining(SELLER, model.id()).trainingId();
        pipeline.validate(SELLER, model.id(), stale);
        clock.advance(Duration.ofMinutes(31));

        Model restarted = service.startTraining(SELLER, model.id());

        assertEquals(ModelStatus.TRAINING, restarted.status());
        assertNotEquals(stale, restarted.trainingId());
        assertEquals(2, workflows.started().size());
        assertEquals(0, store.model(SELLER, model.id()).orElseThrow().trainingsUsed(), "a timed-out training is not counted");
    }

    @Test
    @DisplayName("CM-TRN-1 a late FINISH or FAIL of the timed-out training changes nothing for the new training")
    void lateStepsOfTheStaleTrainingAreIgnored() {
        String stale = service.startTraining(SELLER, model.id()).trainingId();
        clock.advance(Duration.ofMinutes(31));
        String current = service.startTraining(SELLER, model.id()).trainingId();

        assertThrows(StaleTrainingException.class, () -> pipeline.finish(SELLER, model.id(), stale));
        pipeline.fail(SELLER, model.id(), stale, null);

        Model stored = store.model(SELLER, model.id()).orElseThrow();
        assertEquals(ModelStatus.TRAINING, stored.status());
        assertEquals(current, stored.trainingId());
        pipeline.validate(SELLER, model.id(), current);
        pipeline.train(SELLER, model.id(), current);
        assertEquals(ModelStatus.READY, pipeline.finish(SELLER, model.id(), current).status());
    }

    // ---- every read applies the bound, not only CreationService's --------------------------------

    private long failedNotices(String trainingId) {
        return sellers.notifications(SELLER).stream()
                .filter(n -> n.id().equals("training-" + trainingId) && n.type().equals("TRAINING_FAILED")).count();
    }

    private DomainException refusal(Runnable action) {
        return assertThrows(DomainException.class, action::run);
    }

    @Test
    @DisplayName("CM-TRN-1 a timed-out training read through ModelManagement is FAILED with \"training timed out\", stored, and its seller told")
    void modelManagementReadFailsAStaleTraining() {
        String trainingId = service.startTraining(SELLER, model.id()).trainingId();
        clock.advance(Model.TRAINING_STALE_AFTER.plusSeconds(1));

        Model read = management.model(SELLER, model.id());

        assertEquals(ModelStatus.FAILED, read.status());
        assertEquals(Model.TRAINING_TIMED_OUT, read.failureReason());
        assertEquals(read, store.model(SELLER, model.id()).orElseThrow());
        assertEquals(1, failedNotices(trainingId));
    }

    @Test
    @DisplayName("CM-TRN-1 CM-MOD-1 CM-PUB-1 activate and publish answer for a timed-out training what they answer for a FAILED model")
    void activateAndPublishSeeTheTimedOutModelFailed() {
        Model other = service.createModel(SELLER, "TATTOO");
        service.setAssets(SELLER, other.id(), store.model(SELLER, model.id()).orElseThrow().assetIds());
        String failedTraining = service.startTraining(SELLER, other.id()).trainingId();
        pipeline.fail(SELLER, other.id(), failedTraining, null);
        DomainException activateFailed = refusal(() -> management.activate(SELLER, other.id()));
        DomainException publishFailed = refusal(() -> management.publish(SELLER, other.id()));
        assertEquals("MODEL_NOT_READY", activateFailed.code());

        String trainingId = service.startTraining(SELLER, model.id()).trainingId();
        clock.advance(Model.TRAINING_STALE_AFTER.plusSeconds(1));
        DomainException activate = refusal(() -> management.activate(SELLER, model.id()));
        DomainException publish = refusal(() -> management.publish(SELLER, model.id()));

        assertEquals(activateFailed.code(), activate.code());
        assertEquals(activateFailed.getMessage(), activate.getMessage());
        assertEquals(publishFailed.code(), publish.code());
        assertEquals(publishFailed.getMessage(), publish.getMessage());
        assertEquals(ModelStatus.FAILED, store.model(SELLER, model.id()).orElseThrow().status());
        assertEquals(1, failedNotices(trainingId));
        assertEquals(java.util.Set.of(), management.activeModelIds(SELLER));
    }

    @Test
    @DisplayName("CM-TRN-1 two reads of a timed-out training, and a read that lost the race to fail it, tell the seller once")
    void twoReadsNotifyOnce() {
        String trainingId = service.startTraining(SELLER, model.id()).trainingId();
        clock.advance(Model.TRAINING_STALE_AFTER.plusSeconds(1));
        Model seenTraining = store.model(SELLER, model.id()).orElseThrow();

        Model first = management.model(SELLER, model.id());
        clock.advance(Duration.ofMinutes(5));
        Model second = service.model(SELLER, model.id());
        Model lostRace = new TrainingTimeouts(store, sellers, clock).failIfTimedOut(seenTraining);

        assertEquals(first, second);
        assertEquals(first, lostRace);
        assertEquals(1, failedNotices(trainingId));
        assertEquals(1, sellers.notifications(SELLER).size());
    }

    @Test
    @DisplayName("CM-TRN-1 a retried FAIL of a training a read already timed out puts the same notice, not a second one")
    void lateFailOfATimedOutTrainingNotifiesOnce() {
        String trainingId = service.startTraining(SELLER, model.id()).trainingId();
        clock.advance(Model.TRAINING_STALE_AFTER.plusSeconds(1));
        management.model(SELLER, model.id());
        clock.advance(Duration.ofMinutes(5));

        pipeline.fail(SELLER, model.id(), trainingId, null);

        assertEquals(Model.TRAINING_TIMED_OUT, store.model(SELLER, model.id()).orElseThrow().failureReason());
        assertEquals(1, failedNotices(trainingId));
    }
}
