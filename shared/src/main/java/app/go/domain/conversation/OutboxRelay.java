package app.go.domain.conversation;

import app.go.domain.port.ConversationStore;
import app.go.domain.port.MessageQueue;
import app.go.support.log.Log;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Sends again the client messages the outbox still holds, i.e. the assistant has not handled: those
 * whose send after the write failed or never happened (the process died in between), or that the
 * queue lost (a local queue restarted). Runs on a schedule; a message is only picked up once its last
 * send is {@link #GRACE} old (the FIFO deduplication window), so the request that wrote it normally
 * sends it and the assistant handles it first. A message sent twice is one queue entry within the
 * deduplication window and one reply after it (the reply is keyed on the message).
 */
public final class OutboxRelay {
    public static final Duration GRACE = Duration.ofMinutes(5);
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
        java.time.Instant now = clock.instant();
        List<InboundMessage> waiting = conversations.unhandled(now.minus(GRACE), BATCH);
        int relayed = 0;
        int failed = 0;
        for (InboundMessage message : waiting) {
            try {
                inbound.send(message, message.conversationId(), message.messageId());
                conversations.resent(message, now);
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
