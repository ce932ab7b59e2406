package app.go.domain.knowledge;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ChatHistoryWindowTest {
    private static final Instant TRAINING_START = Instant.parse("2026-03-08T15:30:00Z");

    @Test
    @DisplayName("PA-SRC-2 only the last 12 months counted from the day training starts: from 2025-03-08 00:00 UTC on, nothing after the start")
    void twelveMonths() {
        List<Instant> interactions = List.of(
                Instant.parse("2025-03-07T23:59:59Z"), // one second too old
                Instant.parse("2025-03-08T00:00:00Z"), // the first day of the window
                Instant.parse("2026-01-01T12:00:00Z"),
                TRAINING_START,
                TRAINING_START.plusSeconds(1)); // after training started
        List<Instant> window = ChatHistoryWindow.select(interactions, Function.identity(), TRAINING_START);
        assertEquals(List.of(TRAINING_START, Instant.parse("2026-01-01T12:00:00Z"), Instant.parse("2025-03-08T00:00:00Z")), window);
    }

    @Test
    @DisplayName("PA-SRC-2 at most 1,000 interactions: the newest 1,000 of 1,500")
    void atMostAThousand() {
        List<Instant> interactions = IntStream.range(0, 1_500)
                .mapToObj(i -> TRAINING_START.minus(Duration.ofHours(i))).toList();
        List<Instant> window = ChatHistoryWindow.select(interactions, Function.identity(), TRAINING_START);
        assertEquals(ChatHistoryWindow.MAX_INTERACTIONS, window.size());
        assertEquals(TRAINING_START, window.get(0));
        assertEquals(TRAINING_START.minus(Duration.ofHours(999)), window.get(999));
    }

    @Test
    @DisplayName("PA-SRC-2 both limits together: old interactions do not count toward the 1,000")
    void bothLimits() {
        List<Instant> interactions = IntStream.range(0, 800)
                .mapToObj(i -> TRAINING_START.minus(Duration.ofDays(400)).minusSeconds(i)).toList();
        List<Instant> recent = IntStream.range(0, 10).mapToObj(i -> TRAINING_START.minus(Duration.ofDays(i))).toList();
        List<Instant> all = new java.util.ArrayList<>(interactions);
        all.addAll(recent);
        assertEquals(10, ChatHistoryWindow.select(all, Function.identity(), TRAINING_START).size());
    }
}
