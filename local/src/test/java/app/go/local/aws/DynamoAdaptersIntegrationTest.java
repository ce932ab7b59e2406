package app.go.local.aws;

import app.go.domain.conversation.Author;
import app.go.domain.conversation.Conversation;
import app.go.domain.conversation.HandledBy;
import app.go.domain.conversation.Message;
import app.go.adapter.aws.dynamodb.DynamoConversationStore;
import app.go.adapter.aws.dynamodb.DynamoIdempotencyStore;
import app.go.adapter.aws.dynamodb.DynamoSellerStore;
import app.go.domain.port.IdempotencyStore.Claim;
import app.go.support.time.AdjustableClock;
import app.go.wiring.topology.SystemTopology;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The DynamoDB adapters' conditional writes against the real engine (the local DynamoDB engine). */
class DynamoAdaptersIntegrationTest {
    private static LocalDynamoDb server;
    private static DynamoDbClient dynamo;
    private static final AdjustableClock clock = AdjustableClock.systemUtc();
    private static DynamoIdempotencyStore idempotency;
    private static DynamoConversationStore conversations;
    private static DynamoSellerStore sellers;

    @BeforeAll
    static void start() {
        server = LocalDynamoDb.start();
        dynamo = LocalAws.dynamoDbClient(server.endpoint());
        // as the local runtime does: no TTL sweep by real time while the test clock stands elsewhere
        TopologyProvisioner provisioner = new TopologyProvisioner(dynamo, null, false);
        SystemTopology.TABLES.forEach(provisioner::createTable);
        idempotency = new DynamoIdempotencyStore(dynamo, SystemTopology.IDEMPOTENCY.localName(), clock);
        conversations = new DynamoConversationStore(dynamo, SystemTopology.CONVERSATIONS.localName());
        sellers = new DynamoSellerStore(dynamo, SystemTopology.SELLERS.localName());
    }

    @AfterAll
    static void stop() {
        dynamo.close();
        server.close();
    }

    @Test
    @DisplayName("Idempotency: a key is claimed once; a finished key replays its result; a crashed claim can be taken again after it expires")
    void idempotencyLifecycle() {
        assertInstanceOf(Claim.Acquired.class, idempotency.claim("k-1", Duration.ofMinutes(2)));
        assertInstanceOf(Claim.InProgress.class, idempotency.claim("k-1", Duration.ofMinutes(2)));
        idempotency.complete("k-1", "REPLIED", Duration.ofDays(1));
        assertEquals(new Claim.AlreadyDone("REPLIED"), idempotency.claim("k-1", Duration.ofMinutes(2)));

        assertInstanceOf(Claim.Acquired.class, idempotency.claim("k-2", Duration.ofMinutes(2)));
        clock.advance(Duration.ofMinutes(3));
        assertInstanceOf(Claim.Acquired.class, idempotency.claim("k-2", Duration.ofMinutes(2)), "an expired in-progress claim is free again");

        assertInstanceOf(Claim.Acquired.class, idempotency.claim("k-3", Duration.ofMinutes(2)));
        idempotency.release("k-3");
        assertInstanceOf(Claim.Acquired.class, idempotency.claim("k-3", Duration.ofMinutes(2)), "a released key is free at once");
    }

    @Test
    @DisplayName("Idempotency: of 8 concurrent claims of one key exactly one wins")
    void concurrentClaims() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Claim>> claims = pool.invokeAll(java.util.Collections.nCopies(8,
                    () -> idempotency.claim("k-race", Duration.ofMinutes(2))));
            long winners = 0;
            for (Future<Claim> claim : claims) {
                winners += claim.get() instanceof Claim.Acquired ? 1 : 0;
            }
            assertEquals(1, winners);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("Exactly once: the reply to a message is stored once, under a key only that message produces, right after it")
    void replyStoredOnce() {
        Instant now = clock.instant();
        Conversation c = new Conversation("c-int-1", "s-int", "u-1", null, now, now, true, HandledBy.ASSISTANT);
        Message question = new Message("m-q", c.conversationId(), Author.CLIENT, "Hi", null, now);
        conversations.create(c, question);
        Message later = new Message("m-later", c.conversationId(), Author.CLIENT, "Anyone?", null, now.plusSeconds(5));
        conversations.append(c, later);
        assertTrue(conversations.appendReply(c, question, new Message("m-r1", c.conversationId(), Author.ASSISTANT, "Hello!", "en", now.plusSeconds(9))));
        assertFalse(conversations.appendReply(c, question, new Message("m-r2", c.conversationId(), Author.ASSISTANT, "Hello again", "en", now.plusSeconds(10))));
        List<String> ids = conversations.messages(c).stream().map(Message::messageId).toList();
        assertEquals(List.of("m-q", "m-r1", "m-later"), ids);
        assertEquals("s-int", conversations.find("c-int-1").orElseThrow().sellerId());
    }

    @Test
    @DisplayName("PA-ACT-8 once the seller has taken over, a late assistant reply is refused by the write itself")
    void lateReplyAfterTakeoverIsRefused() {
        Instant now = clock.instant();
        Conversation c = new Conversation("c-int-2", "s-int", "u-2", null, now, now, true, HandledBy.ASSISTANT);
        Message question = new Message("m-q2", c.conversationId(), Author.CLIENT, "Hi", null, now);
        conversations.create(c, question);
        conversations.handOverToSeller(c, now.plusSeconds(1));
        assertFalse(conversations.appendReply(c, question, new Message("m-r3", c.conversationId(), Author.ASSISTANT, "Hello!", "en", now.plusSeconds(2))));
        assertEquals(List.of("m-q2"), conversations.messages(c).stream().map(Message::messageId).toList());
    }

    @Test
    @DisplayName("PA-LIM-2 the daily counter stops at the limit even under concurrent replies")
    void dailyCounterStopsAtLimit() throws Exception {
        LocalDate day = LocalDate.of(2026, 3, 8);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> counted = pool.invokeAll(java.util.Collections.nCopies(60,
                    () -> sellers.tryCountAssistantMessage("s-limit", day, 50)));
            long accepted = 0;
            for (Future<Boolean> f : counted) {
                accepted += f.get() ? 1 : 0;
            }
            assertEquals(50, accepted);
            assertEquals(50, sellers.assistantMessagesOn("s-limit", day));
            assertEquals(0, sellers.assistantMessagesOn("s-limit", day.plusDays(1)));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("PA-LIM-2 the daily counter stops at the limit, one reply after another")
    void dailyCounterSequential() {
        LocalDate day = LocalDate.of(2026, 3, 9);
        int accepted = 0;
        for (int i = 0; i < 55; i++) {
            accepted += sellers.tryCountAssistantMessage("s-seq", day, 50) ? 1 : 0;
        }
        assertEquals(50, accepted);
    }

    @Test
    @DisplayName("PA-ACT-1 only the first conversation of a client with a seller counts as a first contact, and another started within the retry window (a retried start)")
    void firstContactOnce() {
        java.time.Instant at = java.time.Instant.parse("2026-03-01T10:00:00Z");
        java.time.Duration window = java.time.Duration.ofMinutes(10);
        assertTrue(sellers.registerFirstContact("s-fc", "u-9", "c-a", at, window));
        assertTrue(sellers.registerFirstContact("s-fc", "u-9", "c-a", at.plusSeconds(900), window), "the same conversation again");
        assertTrue(sellers.registerFirstContact("s-fc", "u-9", "c-r", at.plusSeconds(60), window), "a retried start within the window");
        assertFalse(sellers.registerFirstContact("s-fc", "u-9", "c-b", at.plusSeconds(601), window));
        assertTrue(sellers.registerFirstContact("s-other", "u-9", "c-c", at, window), "another seller's first contact is separate (DATA-2)");
    }

    @Test
    @DisplayName("PA-LIM-2 a reply counted, then retried after a crash, is counted once; the limit still holds")
    void countOncePerReply() {
        LocalDate day = LocalDate.of(2026, 3, 4);
        assertTrue(sellers.tryCountAssistantMessage("s-once", day, 2, "m-1-r"));
        assertTrue(sellers.tryCountAssistantMessage("s-once", day, 2, "m-1-r"), "the retry finds it counted");
        assertEquals(1, sellers.assistantMessagesOn("s-once", day));
        assertTrue(sellers.tryCountAssistantMessage("s-once", day, 2, "m-2-r"));
        assertFalse(sellers.tryCountAssistantMessage("s-once", day, 2, "m-3-r"), "the limit holds");
        assertEquals(2, sellers.assistantMessagesOn("s-once", day));
    }
}
