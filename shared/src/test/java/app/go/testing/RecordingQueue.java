package app.go.testing;

import app.go.domain.port.MessageQueue;

import java.util.ArrayList;
import java.util.List;

/** MessageQueue that keeps what was sent, in order. */
public final class RecordingQueue implements MessageQueue {
    public record Sent(Object body, String groupId, String deduplicationId) {}

    private final List<Sent> sent = new ArrayList<>();

    @Override
    public synchronized void send(Object body, String groupId, String deduplicationId) {
        sent.add(new Sent(body, groupId, deduplicationId));
    }

    /** Everything sent so far (a copy). */
    public synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** The bodies sent since the last drain, handed over once, the way a consumer receives them. */
    public synchronized List<Object> drain() {
        List<Object> bodies = sent.stream().map(Sent::body).toList();
        sent.clear();
        return bodies;
    }
}
