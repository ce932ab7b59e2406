package app.go.domain.assistant;

import app.go.adapter.offline.OfflineLanguageModel;
import app.go.domain.conversation.Author;
import app.go.domain.conversation.InboundMessage;
import app.go.domain.conversation.Message;
import app.go.domain.seller.AssistantSettings;
import app.go.domain.seller.AssistantState;
import app.go.domain.seller.SellerAccount;
import app.go.testing.HandoffFixture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConversationReplyCapTest {

    @Test
    @DisplayName("PA-SAFE-3 one conversation gets at most 15 assistant replies a day; the 16th message hands it to the seller (handoff CONVERSATION_CAP: handed over, seller notified, client told) while the seller's budget stays for others")
    void capHandsTheConversationToTheSeller() {
        HandoffFixture fixture = new HandoffFixture("Hello, I need a logo");
        fixture.sellers.saveAccount(new SellerAccount(HandoffFixture.SELLER, 2, false, "UTC", false));
        fixture.sellers.saveAssistant(HandoffFixture.SELLER,
                AssistantSettings.initial().withState(AssistantState.ACTIVE, fixture.clock.instant(), "mobile"));
        Map<String, Object> started = new LinkedHashMap<>();
        AssistantResponder responder = new AssistantResponder(fixture.conversations, fixture.sellers,
                new OfflineLanguageModel(), fixture.idempotency, (name, input) -> {
                    started.put(name, input);
                    return name;
                }, fixture.clock);

        assertEquals(AssistantResponder.Outcome.REPLIED, responder.respond(new InboundMessage(HandoffFixture.SELLER,
                HandoffFixture.CONVERSATION, HandoffFixture.MESSAGE)));
        for (int i = 2; i <= ConversationReplyCap.MAX_REPLIES_PER_DAY; i++) {
            fixture.clock.advance(Duration.ofMinutes(1));
            Message asked = fixture.write(Author.CLIENT, "What about colour number " + i + "?");
            assertEquals(AssistantResponder.Outcome.REPLIED, responder.respond(new InboundMessage(HandoffFixture.SELLER,
                    HandoffFixture.CONVERSATION, asked.messageId())), "reply " + i);
        }
        fixture.clock.advance(Duration.ofMinutes(1));
        Message sixteenth = fixture.write(Author.CLIENT, "And one more question?");
        assertEquals(AssistantResponder.Outcome.CONVERSATION_CAP_REACHED, responder.respond(new InboundMessage(
                HandoffFixture.SELLER, HandoffFixture.CONVERSATION, sixteenth.messageId())));

        assertEquals(ConversationReplyCap.MAX_REPLIES_PER_DAY, fixture.conversations.messages(fixture.conversation()).stream()
                .filter(m -> m.author() == Author.ASSISTANT).count());
        assertEquals(1, started.size());
        @SuppressWarnings("unchecked")
        Map<String, Object> input = (Map<String, Object>) started.values().iterator().next();
        assertEquals(List.of("CONVERSATION_CAP"), input.get("reasons"));
        assertTrue(AssistantResponder.DAILY_MESSAGE_LIMIT > ConversationReplyCap.MAX_REPLIES_PER_DAY,
                "the seller's other conversations keep budget");

        // the handoff workflow's steps, as the state machine runs them
        SellerHandoff handoff = fixture.handoff();
        assertTrue(handoff.decide(HandoffFixture.SELLER, HandoffFixture.CONVERSATION, sixteenth.messageId(),
                List.of("CONVERSATION_CAP")).handoff());
        handoff.summarize(HandoffFixture.SELLER, HandoffFixture.CONVERSATION, sixteenth.messageId(), List.of("CONVERSATION_CAP"));
        assertTrue(fixture.conversation().takenOverBySeller());
        assertEquals(1, fixture.sellers.notifications(HandoffFixture.SELLER).size());
        assertTrue(handoff.followUp(HandoffFixture.SELLER, HandoffFixture.CONVERSATION, sixteenth.messageId()).sent(),
                "the client is told, in their language, that the seller was notified");
    }

    @Test
    @DisplayName("PA-SAFE-3 the cap counts the seller's day: yesterday's replies do not count")
    void capIsPerDay() {
        java.time.Instant day = java.time.Instant.parse("2026-03-02T10:00:00Z");
        List<Message> yesterday = java.util.stream.IntStream.range(0, 20).mapToObj(i -> new Message("m-" + i, "c", Author.ASSISTANT,
                "hi", "en", day.minus(Duration.ofDays(1)))).toList();
        assertEquals(false, ConversationReplyCap.reached(yesterday, java.time.LocalDate.of(2026, 3, 2), java.time.ZoneOffset.UTC));
        assertEquals(true, ConversationReplyCap.reached(yesterday, java.time.LocalDate.of(2026, 3, 1), java.time.ZoneOffset.UTC));
    }
}
