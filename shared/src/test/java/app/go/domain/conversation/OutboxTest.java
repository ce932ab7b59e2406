package app.go.domain.conversation;

import app.go.domain.seller.SellerAccount;
import app.go.support.auth.Caller;
import app.go.support.time.AdjustableClock;
import app.go.testing.FaultPlan;
import app.go.testing.FaultyQueue;
import app.go.testing.InMemoryConversationStore;
import app.go.testing.InMemorySellerStore;
import app.go.testing.RecordingQueue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutboxTest {
    private static final String SELLER = "s-out";
    private static final Caller CLIENT = new Caller("u-out", Caller.Role.CLIENT);

    private final AdjustableClock clock = AdjustableClock.systemUtc();
    private final InMemoryConversationStore conversations = new InMemoryConversationStore();
    private final InMemorySellerStore sellers = new InMemorySellerStore();
    private final RecordingQueue queue = new RecordingQueue();
    private final FaultPlan faults = new FaultPlan();
    private final ConversationService service = new ConversationService(conversations, sellers,
            new FaultyQueue(queue, faults, "inbound"), clock);
    private final OutboxRelay relay = new OutboxRelay(conversations, queue, clock);

    @BeforeEach
    void seller() {
        sellers.saveAccount(new SellerAccount(SELLER, 2, false, "UTC", false));
    }

    private static List<String> queuedMessageIds(RecordingQueue queue) {
        return queue.sent().stream().map(RecordingQueue.Sent::deduplicationId).toList();
    }

    @Test
    @DisplayName("PA-BEH-1 a client message acknowledged while the queue is down is still handed to the assistant: the outbox relay sends it once, after the grace period")
    void failedSendIsRelayed() {
        faults.arm("inbound.send.before");
        Conversation started = service.start(CLIENT, SELLER, null, "Hello, do you make logos?");
        assertEquals(List.of(), queue.sent());

        assertEquals(new OutboxRelay.Result(0, 0), relay.relay(), "within the grace period the request's own send is awaited");
        clock.advance(OutboxRelay.GRACE.plusSeconds(1));
        assertEquals(new OutboxRelay.Result(1, 0), relay.relay());
        assertEquals(new OutboxRelay.Result(0, 0), relay.relay(), "sent again only after another grace period");
        assertEquals(1, queue.sent().size());
        conversations.markHandled((InboundMessage) queue.sent().get(0).body()); // the assistant handled it
        clock.advance(OutboxRelay.GRACE.plusSeconds(1));
        assertEquals(new OutboxRelay.Result(0, 0), relay.relay(), "a handled message leaves the outbox");
        assertEquals(new InboundMessage(SELLER, started.conversationId(),
                conversations.messages(started).get(0).messageId()), queue.sent().get(0).body());
    }

    @Test
    @DisplayName("PA-BEH-1 a message the queue took but the assistant never handled (the queue lost it, the process died) is sent again with the same deduplication id")
    void crashAfterSendIsRelayedWithTheSameDeduplicationId() {
        faults.arm("inbound.send.after");
        Conversation started = service.start(CLIENT, SELLER, null, "Hi");
        Message later = service.post(CLIENT, started.conversationId(), "Anyone there?");
        clock.advance(OutboxRelay.GRACE.plusSeconds(1));
        assertEquals(new OutboxRelay.Result(2, 0), relay.relay());
        List<String> ids = queuedMessageIds(queue);
        assertEquals(4, ids.size());
        assertEquals(2, ids.stream().distinct().count(), "the relayed sends repeat the first sends' deduplication ids");
        assertTrue(ids.contains(later.messageId()));
    }

    @Test
    @DisplayName("PA-BEH-1 the relay keeps a message whose send fails again, and sends it on a later run")
    void relayRetries() {
        faults.arm("inbound.send.before");
        service.start(CLIENT, SELLER, null, "Hello");
        clock.advance(OutboxRelay.GRACE.plusSeconds(1));
        OutboxRelay failingRelay = new OutboxRelay(conversations, new FaultyQueue(queue, faults.arm("relay.send.before"), "relay"), clock);
        assertEquals(new OutboxRelay.Result(0, 1), failingRelay.relay());
        assertEquals(new OutboxRelay.Result(1, 0), failingRelay.relay());
    }

    @Test
    @DisplayName("PA-ACT-1 a start retried with the same Idempotency-Key (after a crash) finds the first conversation: no second conversation, and the client stays a new client")
    void retriedStartKeepsOneConversation() {
        Conversation first = service.start(CLIENT, SELLER, null, "Hello", Optional.of("key-1"));
        Conversation retried = service.start(CLIENT, SELLER, null, "Hello", Optional.of("key-1"));
        assertEquals(first.conversationId(), retried.conversationId());
        assertTrue(retried.newClient());
        assertEquals(1, conversations.inbox(SELLER).size());
        assertEquals(1, conversations.messages(first).size());
        assertEquals(1, queuedMessageIds(queue).stream().distinct().count(), "the retry re-queues the same message id");

        clock.advance(ConversationService.START_RETRY_WINDOW.plusSeconds(1));
        Conversation other = service.start(CLIENT, SELLER, null, "Another question", Optional.of("key-2"));
        assertTrue(!other.conversationId().equals(first.conversationId()) && !other.newClient(),
                "a new key is a new conversation, of a returning client");
        queue.sent().forEach(sent -> conversations.markHandled((InboundMessage) sent.body()));
        clock.advance(Duration.ofMinutes(10));
        assertEquals(new OutboxRelay.Result(0, 0), relay.relay(), "every handled message left the outbox");
    }

    @Test
    @DisplayName("PA-ACT-1 PA-BEH-1 a start retried WITHOUT Idempotency-Key within the retry window (the first answer was lost) is not a returning client: both starts go to the assistant; after the window a new conversation is a returning client's")
    void retriedStartWithoutKeyStaysNewClient() {
        Conversation first = service.start(CLIENT, SELLER, null, "Hello", Optional.empty());
        clock.advance(ConversationService.START_RETRY_WINDOW.minusSeconds(30));
        Conversation retried = service.start(CLIENT, SELLER, null, "Hello", Optional.empty());
        assertTrue(first.newClient());
        assertTrue(retried.newClient(), "the retry keeps the client new, so the assistant answers it");
        assertEquals(2, queuedMessageIds(queue).stream().distinct().count(), "both starts are handed to the assistant");

        clock.advance(ConversationService.START_RETRY_WINDOW.plusSeconds(31));
        Conversation later = service.start(CLIENT, SELLER, null, "Back again", Optional.empty());
        assertTrue(!later.newClient(), "past the window the client is a returning client");
    }
}
