package app.go.testing;

import app.go.support.queue.DeadLetters;

import java.util.ArrayList;
import java.util.List;

/** DeadLetters that keeps what was parked; {@link #failing()} refuses every record, as an unreachable queue would. */
public final class RecordingDeadLetters implements DeadLetters {
    public record Parked(String body, String groupId, String messageId, String reason) {}

    private final List<Parked> parked = new ArrayList<>();
    private final boolean fails;

    public RecordingDeadLetters() {
        this(false);
    }

    private RecordingDeadLetters(boolean fails) {
        this.fails = fails;
    }

    public static RecordingDeadLetters failing() {
        return new RecordingDeadLetters(true);
    }

    @Override
    public synchronized void park(String body, String groupId, String messageId, String reason) {
        if (fails) {
            throw new IllegalStateException("dead-letter queue unreachable");
        }
        parked.add(new Parked(body, groupId, messageId, reason));
    }

    public synchronized List<Parked> parked() {
        return List.copyOf(parked);
    }
}
