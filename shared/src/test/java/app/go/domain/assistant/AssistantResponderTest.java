package app.go.domain.assistant;

import app.go.domain.assistant.AssistantResponder.Outcome;
import app.go.domain.conversation.Author;
import app.go.domain.conversation.Conversation;
import app.go.domain.conversation.ConversationService;
import app.go.domain.conversation.InboundMessage;
import app.go.domain.conversation.Message;
import app.go.domain.seller.AssistantSettings;
import app.go.domain.seller.AssistantState;
import app.go.domain.seller.ClientRecord;
import app.go.domain.seller.SellerAccount;
import app.go.domain.seller.SellerProfile;
import app.go.domain.seller.SellerService;
import app.go.shared.ai.offline.OfflineLanguageModel;
import app.go.shared.auth.Caller;
import app.go.shared.time.AdjustableClock;
import app.go.testing.InMemoryConversationStore;
import app.go.testing.InMemoryIdempotencyStore;
import app.go.testing.InMemorySellerStore;
import app.go.testing.RecordingWorkflowStarter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AssistantResponderTest {
    private static final String SELLER = "s-1";
    private static final Caller CLIENT = new Caller("c-1", Caller.Role.CLIENT);

    private final AdjustableClock clock = AdjustableClock.systemUtc();
    private final InMemoryConversationStore conversations = new InMemoryConversationStore();
    private final InMemorySellerStore sellers = new InMemorySellerStore();
    private final RecordingWorkflowStarter workflows = new RecordingWorkflowStarter();
    private final List<InboundMessage> queued = new ArrayList<>();
    private final ConversationService service = new ConversationService(conversations, sellers,
            (body, group, dedup) -> queued.add((InboundMessage) body), clock);
    private final AssistantResponder responder = new AssistantResponder(conversations, sellers, new OfflineLanguageModel(),
            new InMemoryIdempotencyStore(), workflows, clock);

    @BeforeEach
    void activeEligibleSeller() {
        clock.set(Instant.parse("2026-03-08T10:00:00Z"));
        sellers.saveAccount(new SellerAccount(SELLER, 2, false, "Europe/Berlin", false));
        sellers.saveProfile(SELLER, new SellerProfile("Ada", "Logo designer", List.of("logos"), List.of("English")));
        sellers.saveService(SELLER, new SellerService("svc-1", "Logo design", "Modern logos", "LOGO",
                List.of(new SellerService.ServicePackage("Basic", 5000, 3, 1, null)), List.of()));
        sellers.saveAssistant(SELLER, AssistantSettings.initial().withState(AssistantState.ACTIVE, clock.instant(), "mobile"));
    }

    private Outcome clientWrites(Caller client, String text) {
        service.start(client, SELLER, "svc-1", text);
        return responder.respond(queued.get(queued.size() - 1));
    }

    private List<Message> messagesOf(InboundMessage inbound) {
        Conversation c = conversations.find(inbound.conversationId()).orElseThrow();
        return conversations.messages(c);
    }

    @Test
    @DisplayName("PA-BEH-1 a new client's inquiry is answered at once, with prices from the services and a question for requirements")
    void answersNewInquiry() {
        assertEquals(Outcome.REPLIED, clientWrites(CLIENT, "Hello, how much does a logo cost?"));
        Message reply = messagesOf(queued.get(0)).get(1);
        assertEquals(Author.ASSISTANT, reply.author());
        assertTrue(reply.text().contains("$50.00"), reply.text());
        assertTrue(reply.text().contains("deadline"), reply.text());
    }

    @Test
    @DisplayName("PA-BEH-2 the reply is in the client's language")
    void repliesInClientLanguage() {
        clientWrites(CLIENT, "Hallo, ich brauche ein Logo. Wie viel kostet das?");
        Message reply = messagesOf(queued.get(0)).get(1);
        assertEquals("de", reply.language());
        assertTrue(reply.text().startsWith("Hallo"), reply.text());
    }

    @Test
    @DisplayName("Exactly once: a duplicated delivery of the same message produces one reply")
    void duplicateDeliveryRepliesOnce() {
        assertEquals(Outcome.REPLIED, clientWrites(CLIENT, "Hi, I need a logo"));
        assertEquals(Outcome.DUPLICATE, responder.respond(queued.get(0)));
        assertEquals(2, messagesOf(queued.get(0)).size());
    }

    @Test
    @DisplayName("PA-ACT-1 a client who ordered before is not answered")
    void returningClientIsNotAnswered() {
        sellers.saveClient(SELLER, new ClientRecord("c-1", ClientRecord.ClientType.STANDARD, true));
        assertEquals(Outcome.RETURNING_CLIENT, clientWrites(CLIENT, "Hi again"));
    }

    @Test
    @DisplayName("PA-ACT-1 a client with an earlier conversation with the seller is not answered")
    void clientWithEarlierConversationIsNotAnswered() {
        assertEquals(Outcome.REPLIED, clientWrites(CLIENT, "Hi"));
        assertEquals(Outcome.RETURNING_CLIENT, clientWrites(CLIENT, "Hi, it's me again in a new chat"));
    }

    @Test
    @DisplayName("PA-ACT-8 once the seller has written, the assistant stays quiet in that conversation")
    void sellerTakeoverSilencesAssistant() {
        clientWrites(CLIENT, "Hi");
        String conversationId = queued.get(0).conversationId();
        service.post(new Caller(SELLER, Caller.Role.SELLER), conversationId, "Hi, it's Ada herself");
        service.post(CLIENT, conversationId, "Great, thanks");
        assertEquals(Outcome.SELLER_HANDLES, responder.respond(queued.get(1)));
    }

    @Test
    @DisplayName("ELIG-1 a seller below level 2 without Seller Plus Premium gets no assistant replies")
    void ineligibleSellerGetsNoReplies() {
        sellers.saveAccount(new SellerAccount(SELLER, 1, true, "Europe/Berlin", false));
        assertEquals(Outcome.NOT_ELIGIBLE, clientWrites(CLIENT, "Hi"));
    }

    @Test
    @DisplayName("ELIG-1 Seller Plus Premium makes a level-0 seller eligible")
    void sellerPlusPremiumIsEligible() {
        sellers.saveAccount(new SellerAccount(SELLER, 0, false, "Europe/Berlin", true));
        assertEquals(Outcome.REPLIED, clientWrites(CLIENT, "Hi"));
    }

    @Test
    @DisplayName("PA-ACT-5 a paused assistant goes on in its conversations but does not answer new ones")
    void pausedAnswersOnlyOngoing() {
        clientWrites(CLIENT, "Hi");
        sellers.saveAssistant(SELLER, sellers.assistant(SELLER).withState(AssistantState.PAUSED, clock.instant(), "mobile"));
        service.post(CLIENT, queued.get(0).conversationId(), "One more question");
        assertEquals(Outcome.REPLIED, responder.respond(queued.get(1)));
        assertEquals(Outcome.PAUSED_NEW_CONVERSATION, clientWrites(new Caller("c-2", Caller.Role.CLIENT), "Hello"));
    }

    @Test
    @DisplayName("PA-LIM-2 after 50 assistant messages in the seller's day, no more replies until the next day")
    void dailyLimit() {
        LocalDate berlinDay = LocalDate.of(2026, 3, 8);
        for (int i = 0; i < AssistantResponder.DAILY_MESSAGE_LIMIT; i++) {
            sellers.tryCountAssistantMessage(SELLER, berlinDay, AssistantResponder.DAILY_MESSAGE_LIMIT);
        }
        assertEquals(Outcome.DAILY_LIMIT_REACHED, clientWrites(CLIENT, "Hi"));
        clock.advance(Duration.ofDays(1));
        assertEquals(Outcome.REPLIED, clientWrites(new Caller("c-2", Caller.Role.CLIENT), "Hi"));
    }

    @Test
    @DisplayName("PA-BEH-3 a client asking for a custom offer starts the handoff workflow once, named by the message")
    void customOfferStartsHandoff() {
        clientWrites(CLIENT, "Can you make me a custom offer for 3 logos?");
        responder.respond(queued.get(0));
        assertEquals(1, workflows.started.size());
        assertTrue(workflows.started.keySet().iterator().next().contains(queued.get(0).messageId()));
    }
}
