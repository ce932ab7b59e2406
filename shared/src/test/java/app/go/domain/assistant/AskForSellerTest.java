package app.go.domain.assistant;

import app.go.domain.conversation.Conversation;
import app.go.domain.conversation.ConversationService;
import app.go.domain.seller.SellerAccount;
import app.go.domain.seller.SellerProfile;
import app.go.support.auth.Caller;
import app.go.support.errors.DomainException;
import app.go.support.time.AdjustableClock;
import app.go.testing.InMemoryConversationStore;
import app.go.testing.InMemorySellerStore;
import app.go.testing.RecordingWorkflowStarter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AskForSellerTest {
    private static final String SELLER = "s-1";
    private static final Caller CLIENT = new Caller("c-1", Caller.Role.CLIENT);

    private final AdjustableClock clock = AdjustableClock.systemUtc();
    private final InMemoryConversationStore conversations = new InMemoryConversationStore();
    private final InMemorySellerStore sellers = new InMemorySellerStore();
    private final RecordingWorkflowStarter workflows = new RecordingWorkflowStarter();
    private final ConversationService service = new ConversationService(conversations, sellers, (body, group, dedup) -> { }, clock);
    private final AskForSeller askForSeller = new AskForSeller(service, conversations, workflows);

    @BeforeEach
    void seller() {
        clock.set(Instant.parse("2026-03-08T10:00:00Z"));
        sellers.saveAccount(new SellerAccount(SELLER, 2, false, "Europe/Berlin", false));
        sellers.saveProfile(SELLER, new SellerProfile("Ada", null, List.of(), List.of()));
    }

    @Test
    @DisplayName("PA-BEH-4 / PA-BEH-5 the client asking for the seller starts the handoff workflow with ASKED_FOR_SELLER on their last message")
    void startsTheHandoff() {
        Conversation c = service.start(CLIENT, SELLER, null, "Hi, I need a logo");
        String lastMessage = service.post(CLIENT, c.conversationId(), "Actually, can I talk to Ada?").messageId();
        String execution = askForSeller.ask(CLIENT, c.conversationId());

        assertEquals(List.of(execution), List.copyOf(workflows.started().keySet()));
        @SuppressWarnings("unchecked")
        Map<String, Object> input = (Map<String, Object>) workflows.started().get(execution);
        assertEquals(Map.of("sellerId", SELLER, "conversationId", c.conversationId(), "messageId", lastMessage,
                "reasons", List.of("ASKED_FOR_SELLER")), input);
        assertTrue(execution.endsWith(lastMessage + "-asked"), "the kept tail of a shortened name still tells it apart");
    }

    @Test
    @DisplayName("PA-BEH-4 asking twice without writing starts one handoff (the execution name is the idempotency key)")
    void idempotent() {
        Conversation c = service.start(CLIENT, SELLER, null, "Hi");
        assertEquals(askForSeller.ask(CLIENT, c.conversationId()), askForSeller.ask(CLIENT, c.conversationId()));
        assertEquals(1, workflows.started().size());
    }

    @Test
    @DisplayName("DATA-2 only the conversation's client can ask for the seller: the seller and other clients get 404")
    void onlyTheClient() {
        Conversation c = service.start(CLIENT, SELLER, null, "Hi");
        for (Caller caller : List.of(new Caller(SELLER, Caller.Role.SELLER), new Caller("c-2", Caller.Role.CLIENT))) {
            DomainException e = assertThrows(DomainException.class, () -> askForSeller.ask(caller, c.conversationId()));
            assertEquals(DomainException.Kind.NOT_FOUND, e.kind());
        }
        assertTrue(workflows.started().isEmpty());
    }
}
