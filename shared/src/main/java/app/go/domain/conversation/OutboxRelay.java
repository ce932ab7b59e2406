package app.go.domain.conversation;

import app.go.domain.port.ConversationStore;
import app.go.domain.port.MessageQueue;
import app.go.support.log.Log;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Sends the client messages the outbox still holds to the assistant's queue: those whose send after
 * the write failed or never happened (the process died in between). Runs on a schedule; a message
 * is only picked up once it is older than {@link #GRACE}, so the request that wrote it normally sends
 * it first. A message sent twice (by the request and by the relay) is one queue entry within the
 * FIFO deduplication window and one reply after it (the reply is keyed on the message).
 */
public final class OutboxRelay {
    public static final Duration GRACE = Duration.ofMinutes(1);
    public static final int BATCH = 200;
    private static final Log LOG = Log.get(OutboxRelay.class);

    private final ConversationStore conversations;
    private final MessageQueue inbound;
    private final Clock clock;

    public OutboxRelay(ConversationStore conversations, MessageQueue inbound, Clock clock) {
        this.conversations = conversations;
        this.inbound = inbound;
        this.clock = clock;
    }

    public record Result(int relayed, int failed) {}

    public Result relay() {
        List<InboundMessage> waiting = conversations.unqueued(clock.instant().minus(GRACE), BATCH);
        int relayed = 0;
        int failed = 0;
        for (InboundMessage message : waiting) {
            try {
                inbound.send(message, message.conversationId(), message.messageId());
                conversations.markQueued(message);
                relayed++;
            } catch (RuntimeException e) {
                failed++;
                LOG.error("outbox message not relayed; the next run tries again", e, "messageId", message.messageId());
            }
        }
        if (!waiting.isEmpty()) {
            LOG.info("outbox relayed", "relayed", relayed, "failed", failed);
        }
        return new Result(relayed, failed);
    }
}
