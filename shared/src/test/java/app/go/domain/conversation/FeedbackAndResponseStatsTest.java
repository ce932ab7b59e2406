package app.go.domain.conversation;

import app.go.domain.seller.SellerAccount;
import app.go.support.auth.Caller;
import app.go.support.errors.DomainException;
import app.go.support.time.AdjustableClock;
import app.go.testing.InMemoryConversationStore;
import app.go.testing.InMemorySellerStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FeedbackAndResponseStatsTest {
    private static final String SELLER = "s-1";
    private static final Caller SELLER_CALLER = new Caller(SELLER, Caller.Role.SELLER);
    private static final Caller CLIENT = new Caller("c-1", Caller.Role.CLIENT);

    private final AdjustableClock clock = AdjustableClock.systemUtc();
    private final InMemoryConversationStore conversations = new InMemoryConversationStore();
    private final InMemorySellerStore sellers = new InMemorySellerStore();
    private final ConversationService service = new ConversationService(conversations, sellers, (body, group, dedup) -> { }, clock);

    @BeforeEach
    void seller() {
        clock.set(Instant.parse("2026-03-08T10:00:00Z"));
        sellers.saveAccount(new SellerAccount(SELLER, 2, false, "Europe/Berlin", false));
    }

    private Message assistantReply(Conversation c) {
        Message inbound = conversations.messages(c).get(0);
        Message reply = new Message(inbound.messageId() + "-r", c.conversationId(), Author.ASSISTANT, "Hi! Tell me more.", "en",
                clock.instant());
        conversations.appendReply(c, inbound, reply);
        return reply;
    }

    @Test
    @DisplayName("PA-BEH-9 the client and the seller can rate an assistant reply with a comment; a repeat by the same user replaces it")
    void feedbackOnAssistantReplies() {
        Conversation c = service.start(CLIENT, SELLER, null, "Hi");
        Message reply = assistantReply(c);
        service.giveFeedback(CLIENT, c.conversationId(), reply.messageId(), MessageFeedback.Rating.DOWN, "too short");
        service.giveFeedback(CLIENT, c.conversationId(), reply.messageId(), MessageFeedback.Rating.UP, "better now");
        service.giveFeedback(SELLER_CALLER, c.conversationId(), reply.messageId(), MessageFeedback.Rating.UP, null);

        List<MessageFeedback> feedback = service.feedback(SELLER_CALLER, c.conversationId());
        assertEquals(2, feedback.size());
        MessageFeedback byClient = feedback.stream().filter(f -> f.userId().equals("c-1")).findFirst().orElseThrow();
        assertEquals(MessageFeedback.Rating.UP, byClient.rating());
        assertEquals("better now", byClient.comment());
    }

    @Test
    @DisplayName("PA-BEH-9 feedback only on the assistant's replies (422 FEEDBACK_NOT_ALLOWED), only by the conversation's client or seller (404)")
    void feedbackRules() {
        Conversation c = service.start(CLIENT, SELLER, null, "Hi");
        Message clientMessage = conversations.messages(c).get(0);
        DomainException notAllowed = assertThrows(DomainException.class, () -> service.giveFeedback(CLIENT, c.conversationId(),
                clientMessage.messageId(), MessageFeedback.Rating.UP, null));
        assertEquals("FEEDBACK_NOT_ALLOWED", notAllowed.code());
        assertEquals(422, notAllowed.kind().httpStatus());
        Message reply = assistantReply(c);
        for (Caller stranger : List.of(new Caller("c-2", Caller.Role.CLIENT), new Caller("s-2", Caller.Role.SELLER))) {
            assertEquals(DomainException.Kind.NOT_FOUND, assertThrows(DomainException.class, () -> service.giveFeedback(stranger,
                    c.conversationId(), reply.messageId(), MessageFeedback.Rating.UP, null)).kind());
        }
        assertEquals(DomainException.Kind.NOT_FOUND, assertThrows(DomainException.class, () -> service.giveFeedback(CLIENT,
                c.conversationId(), "m-unknown", MessageFeedback.Rating.UP, null)).kind());
    }

    @Test
    @DisplayName("PA-BEH-8 assistant replies count toward the response rate like the seller's own")
    void responseRate() {
        Conversation byAssistant = service.start(CLIENT, SELLER, null, "Hi");
        assistantReply(byAssistant);
        Conversation bySeller = service.start(new Caller("c-2", Caller.Role.CLIENT), SELLER, null, "Hello");
        service.post(SELLER_CALLER, bySeller.conversationId(), "Hi, Ada here");
        service.start(new Caller("c-3", Caller.Role.CLIENT), SELLER, null, "Anyone?");
        service.start(new Caller("c-4", Caller.Role.CLIENT), SELLER, null, "Hello?");

        ResponseStats stats = service.responseStats(SELLER_CALLER);
        assertEquals(new ResponseStats(4, 2), stats);
        assertEquals(0.5, stats.responseRate());
        assertEquals(0.0, new ResponseStats(0, 0).responseRate());
    }
}
