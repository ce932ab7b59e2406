package app.go.creation.handler;

import app.go.domain.creation.Model;
import app.go.domain.creation.ModelStatus;
import app.go.domain.creation.TrainingSweeper;
import app.go.testing.InMemoryCreationStore;
import app.go.testing.InMemorySellerStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SweepTrainingsHandlerTest {
    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    @DisplayName("CM-TRN-1 a scheduled event fails the timed-out training, tells its seller and answers how many failed")
    void scheduledEventSweeps() {
        InMemoryCreationStore store = new InMemoryCreationStore();
        InMemorySellerStore sellers = new InMemorySellerStore();
        store.createModel(Model.draft("mdl_a", "s-1", "TATTOO", START).training("trn_a", "Tattoo Style #1", START));
        Clock later = Clock.fixed(START.plus(Model.TRAINING_STALE_AFTER).plusSeconds(1), ZoneOffset.UTC);
        SweepTrainingsHandler handler = new SweepTrainingsHandler(new TrainingSweeper(store, sellers, later));

        Map<String, Object> result = handler.handleRequest(Map.of("source", "aws.events", "detail-type", "Scheduled Event",
                "time", later.instant().toString(), "resources", List.of("arn:aws:events:us-east-1:123456789012:rule/TrainingSchedule")), null);

        assertEquals(Map.of("failed", 1), result);
        assertEquals(ModelStatus.FAILED, store.model("s-1", "mdl_a").orElseThrow().status());
        assertEquals(List.of("TRAINING_FAILED"), sellers.notifications("s-1").stream().map(n -> n.type()).toList());
    }
}
