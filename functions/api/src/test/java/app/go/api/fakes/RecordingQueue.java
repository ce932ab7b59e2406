package app.go.api.fakes;

import app.go.shared.queue.MessageQueue;

import java.util.ArrayList;
import java.util.List;

/** Keeps what was sent. */
public final class RecordingQueue implements MessageQueue {
    public record Sent(Object body, String groupId, String deduplicationId) {}

    public final List<Sent> sent = new ArrayList<>();

    @Override
    public synchronized void send(Object body, String groupId, String deduplicationId) {
        sent.add(new Sent(body, groupId, deduplicationId));
    }
}
