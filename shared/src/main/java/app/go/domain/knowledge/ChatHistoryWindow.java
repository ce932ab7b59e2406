package app.go.domain.knowledge;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * PA-SRC-2: from chat history the assistant reads at most the last 12 months and at most 1,000
 * interactions, counted from the day training starts: interactions from the same calendar day
 * (UTC) twelve months before that day up to the training start, the newest 1,000 of them.
 */
public final class ChatHistoryWindow {
    public static final int MAX_MONTHS = 12;
    public static final int MAX_INTERACTIONS = 1_000;

    private ChatHistoryWindow() {}

    /** The first instant inside the window of a training that starts at {@code trainingStart}. */
    public static Instant earliest(Instant trainingStart) {
        return trainingStart.atZone(ZoneOffset.UTC).toLocalDate().minusMonths(MAX_MONTHS).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The interactions the training may read, newest first. */
    public static <T> List<T> select(List<T> interactions, Function<T, Instant> timestamp, Instant trainingStart) {
        Objects.requireNonNull(trainingStart, "trainingStart");
        Instant earliest = earliest(trainingStart);
        return interactions.stream()
                .filter(i -> timestamp.apply(i) != null)
                .filter(i -> !timestamp.apply(i).isBefore(earliest) && !timestamp.apply(i).isAfter(trainingStart))
                .sorted(Comparator.comparing(timestamp).reversed())
                .limit(MAX_INTERACTIONS)
                .toList();
    }
}
