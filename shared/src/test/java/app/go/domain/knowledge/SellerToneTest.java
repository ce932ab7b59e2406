package app.go.domain.knowledge;

import app.go.domain.assistant.AssistantResponder;
import app.go.domain.conversation.Conversation;
import app.go.domain.conversation.ConversationService;
import app.go.domain.conversation.InboundMessage;
import app.go.domain.port.ReplyContext;
import app.go.domain.seller.AssistantSettings;
import app.go.domain.seller.AssistantState;
import app.go.domain.seller.SellerAccount;
import app.go.domain.seller.SellerProfile;
import app.go.domain.seller.SellerService;
import app.go.support.auth.Caller;
import app.go.support.time.AdjustableClock;
import app.go.testing.InMemoryConversationStore;
import app.go.testing.InMemoryIdempotencyStore;
import app.go.testing.InMemoryKnowledgeStore;
import app.go.testing.InMemorySellerStore;
import app.go.testing.RecordingLanguageModel;
import app.go.testing.RecordingWorkflowStarter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PA-SRC-3 with PA-SRC-2: two sellers of opposite styles write to their clients; each one's tone
 * is learned when they write and handed to the model as hints with every reply.
 */
class SellerToneTest {
    private static final String CASUAL = "s-casual";
    private static final String FORMAL = "s-formal";

    private final AdjustableClock clock = AdjustableClock.systemUtc();
    private final InMemoryConversationStore conversations = new InMemoryConversationStore();
    private final InMemorySellerStore sellers = new InMemorySellerStore();
    private final AtomicInteger historyReads = new AtomicInteger();
    private final InMemoryKnowledgeStore knowledgeStore = new InMemoryKnowledgeStore() {
        @Override
        public List<SellerReply> sellerReplies(String sellerId, int limit) {
            historyReads.incrementAndGet();
            return super.sellerReplies(sellerId, limit);
        }
    };
    private final List<InboundMessage> queued = new ArrayList<>();
    private final ConversationService service = new ConversationService(conversations, sellers,
            (body, group, dedup) -> queued.add((InboundMessage) body), clock, knowledgeStore);
    private final RecordingLanguageModel model = new RecordingLanguageModel("Gern!");
    private final AssistantResponder responder = new AssistantResponder(conversations, sellers, model,
            new InMemoryIdempotencyStore(), new RecordingWorkflowStarter(), clock, knowledgeStore);
    private final KnowledgeService knowledge = new KnowledgeService(sellers, knowledgeStore, clock);
    private int clients;

    @BeforeEach
    void twoSellers() {
        clock.set(Instant.parse("2026-03-08T10:00:00Z"));
        for (String seller : List.of(CASUAL, FORMAL)) {
            sellers.saveAccount(new SellerAccount(seller, 2, false, "Europe/Berlin", false));
            sellers.saveProfile(seller, new SellerProfile("Ada", "Logo designer", List.of("logos"), List.of("German")));
            sellers.saveService(seller, new SellerService("logo", "Logo design", "Modern logos", "LOGO",
                    List.of(new SellerService.ServicePackage("Basic", 5000, 3, 1, null)), List.of()));
            sellers.saveAssistant(seller, AssistantSettings.initial().withState(AssistantState.ACTIVE, clock.instant(), "mobile"));
        }
    }

    /** The seller answers a new client's question in their own words. */
    private void sellerWrites(String seller, String text) {
        Conversation c = service.start(new Caller("c-" + (++clients), Caller.Role.CLIENT), seller, "logo", "Hallo, eine Frage zum Logo");
        service.post(new Caller(seller, Caller.Role.SELLER), c.conversationId(), text);
        clock.advance(Duration.ofMinutes(5));
    }

    private void casualReplies() {
        casualReplies(CASUAL);
    }

    private void casualReplies(String seller) {
        sellerWrites(seller, "Hey! Klar, mach ich dir gern 😊 LG");
        sellerWrites(seller, "Hey, schick mir einfach dein altes Logo! 🙌\nLG");
        sellerWrites(seller, "Hey, passt für dich Freitag? 👍\nLG, Ada");
    }

    private void formalReplies() {
        sellerWrites(FORMAL, "Guten Tag, vielen Dank für Ihre Anfrage. Gerne erstelle ich Ihnen ein Logo, das zu Ihrem "
                + "Unternehmen passt. Dazu benötige ich einige Angaben: Ihre Branche, Ihre Zielgruppe, bevorzugte Farben "
                + "und Beispiele, die Ihnen gefallen. Sobald mir diese vorliegen, sende ich Ihnen innerhalb von drei Tagen "
                + "erste Entwürfe.\nMit freundlichen Grüßen\nAda Meier");
        sellerWrites(FORMAL, "Guten Tag, gerne beantworte ich Ihre Frage. Die Quelldateien erhalten Sie selbstverständlich "
                + "im AI- und SVG-Format, dazu eine Übersicht der Farben und Schriften. Sollten Sie weitere Formate "
                + "benötigen, teilen Sie mir dies bitte mit. Ich freue mich auf die Zusammenarbeit mit Ihnen.\n"
                + "Mit freundlichen Grüßen\nAda Meier");
        sellerWrites(FORMAL, "Guten Tag, selbstverständlich können wir den Liefertermin an Ihren Zeitplan anpassen. "
                + "Bitte nennen Sie mir Ihren gewünschten Termin, dann prüfe ich, ob eine Lieferung bis dahin möglich "
                + "ist, und bestätige Ihnen diesen verbindlich. Für Rückfragen stehe ich Ihnen jederzeit gerne zur "
                + "Verfügung.\nMit freundlichen Grüßen\nAda Meier");
    }

    @Test
    @DisplayName("PA-SRC-3 two sellers of opposite styles: du against Sie, greeting, sign-off, emoji and typical length are each learned from the seller's own replies")
    void oppositeStylesAreLearned() {
        casualReplies();
        formalReplies();

        ToneProfile casual = knowledge.tone(CASUAL);
        ToneProfile formal = knowledge.tone(FORMAL);
        assertEquals(ToneProfile.Formality.INFORMAL, casual.formality());
        assertEquals(ToneProfile.Formality.FORMAL, formal.formality());
        assertEquals("Hey", casual.greeting());
        assertEquals("Guten Tag", formal.greeting());
        assertEquals("LG", casual.signOff());
        assertEquals("Mit freundlichen Grüßen", formal.signOff());
        assertTrue(casual.emoji());
        assertFalse(formal.emoji());
        assertEquals(ToneProfile.Length.SHORT, casual.length());
        assertEquals(ToneProfile.Length.LONG, formal.length());
        assertTrue(casual.typicalWords() < formal.typicalWords());
    }

    @Test
    @DisplayName("PA-SRC-3 the learned tone reaches the model as hints with each client's message, read from one precomputed item (no history read per message)")
    void toneHintsReachTheModel() {
        casualReplies();
        formalReplies();
        queued.clear();
        historyReads.set(0);
        for (String seller : List.of(CASUAL, FORMAL)) {
            service.start(new Caller("c-new-" + seller, Caller.Role.CLIENT), seller, "logo", "Hallo, was kostet ein Logo?");
        }
        queued.forEach(responder::respond);

        List<ReplyContext> contexts = model.contexts();
        assertEquals(2, contexts.size());
        assertEquals(knowledge.tone(CASUAL), contexts.get(0).tone());
        assertEquals(knowledge.tone(FORMAL), contexts.get(1).tone());
        assertTrue(contexts.get(0).tone().describe().contains("formality=informal"));
        assertTrue(contexts.get(1).tone().describe().contains("sign-off=Mit freundlichen Grüßen"));
        assertEquals(0, historyReads.get(), "answering reads the stored tone, not the seller's replies");
    }

    @Test
    @DisplayName("PA-SRC-2 only replies of the last 12 months teach the tone: a seller who changed style is read as they write now")
    void oldRepliesFallOutOfTheWindow() {
        formalReplies();
        clock.advance(Duration.ofDays(400));
        casualReplies(FORMAL);
        assertEquals(ToneProfile.Formality.INFORMAL, knowledge.tone(FORMAL).formality(), "the formal replies are older than 12 months");
        assertEquals(ToneProfile.Formality.UNKNOWN, ToneProfile.NONE.formality());
    }
}
