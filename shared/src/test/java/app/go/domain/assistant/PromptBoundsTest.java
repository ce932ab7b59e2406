package app.go.domain.assistant;

import app.go.adapter.offline.LexicalKnowledgeRetriever;
import app.go.adapter.offline.OfflineLanguageModel;
import app.go.domain.conversation.Author;
import app.go.domain.conversation.Message;
import app.go.domain.knowledge.KnowledgeEntry;
import app.go.domain.knowledge.KnowledgeService;
import app.go.domain.knowledge.SavedKnowledge;
import app.go.domain.port.ReplyContext;
import app.go.domain.seller.AssistantSettings;
import app.go.domain.seller.AssistantState;
import app.go.domain.seller.SellerProfile;
import app.go.domain.seller.SellerService;
import app.go.testing.InMemoryKnowledgeStore;
import app.go.testing.InMemorySellerStore;
import app.go.testing.LanguageModels;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 7 item 4: the prompt does not grow with the seller's knowledge base nor with the conversation. */
@DisplayName("PA-SRC-1 / issue 7: prompt tokens bounded (1,000 vs 10 knowledge entries, 500 vs 5 past turns: ≤ 1.2×)")
class PromptBoundsTest {
    static final double MAX_RATIO = 1.2;
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final String[] TOPICS = {"colour", "size", "placement", "aftercare", "deposit", "touch-ups", "sketches",
            "lettering", "cover-ups", "portraits", "watercolor", "linework", "minimal", "geometric", "flash"};

    /** Estimated prompt tokens of one reply for a seller with {@code entries} knowledge entries and {@code turns} past messages. */
    static int promptTokens(int entries, int turns) {
        InMemorySellerStore sellers = new InMemorySellerStore();
        InMemoryKnowledgeStore knowledge = new InMemoryKnowledgeStore();
        sellers.saveProfile("s-1", new SellerProfile("Ana", "Tattoo artist in Lisbon", List.of("tattoo design"), List.of("English")));
        sellers.saveService("s-1", new SellerService("svc-1", "Custom tattoo design", "Your idea as a tattoo", "TATTOO",
                List.of(new SellerService.ServicePackage("Basic", 4_500, 3, 1, "one design"),
                        new SellerService.ServicePackage("Premium", 13_500, 5, 3, "colour and sizes")),
                List.of(new SellerService.Faq("Do you do color?", "Yes, colour designs are in Premium."))));
        List<KnowledgeEntry> saved = new ArrayList<>();
        for (int i = 0; i < entries; i++) {
            String topic = TOPICS[i % TOPICS.length];
            saved.add(new KnowledgeEntry("kb-" + i, KnowledgeEntry.Scope.GENERAL, null,
                    "Question " + i + " about " + topic + " for style " + (i / TOPICS.length) + "?",
                    "Answer " + i + ": about " + topic + ", style " + (i / TOPICS.length) + ", I work like this in most cases.",
                    KnowledgeEntry.Source.SELLER));
        }
        knowledge.save("s-1", new SavedKnowledge(saved, Set.of(), NOW));
        AtomicReference<ReplyContext> seen = new AtomicReference<>();
        OfflineLanguageModel offline = new OfflineLanguageModel();
        ReplyWriter writer = new ReplyWriter(sellers, LanguageModels.answering(c -> {
            seen.set(c);
            return offline.respond(c);
        }), new KnowledgeService(sellers, knowledge, Clock.fixed(NOW, ZoneOffset.UTC)), new LexicalKnowledgeRetriever());
        List<Message> history = new ArrayList<>();
        for (int i = 0; i < turns; i++) {
            boolean client = i % 2 == 0;
            history.add(new Message("m-" + i, "c-1", client ? Author.CLIENT : Author.ASSISTANT,
                    client ? "I would like a tattoo of a rose with some leaves, about 10 cm, number " + i
                            : "Thanks! Where would you like it, and do you have a deadline? (" + i + ")",
                    "en", NOW.minusSeconds(10_000 - i)));
        }
        String question = "Do you offer touch-ups after the session?";
        history.add(new Message("m-now", "c-1", Author.CLIENT, question, "en", NOW));
        writer.write("s-1", new AssistantSettings("Ava", AssistantState.ACTIVE, NOW, "desktop"), "svc-1", history, question);
        return PromptTokens.estimate(PromptBuilder.build(seen.get()));
    }

    @Test
    @DisplayName("1,000 knowledge entries cost at most 1.2× the prompt tokens of 10 (top 5 retrieved)")
    void knowledgeBounded() {
        int small = promptTokens(10, 5);
        int large = promptTokens(1_000, 5);
        double ratio = (double) large / small;
        System.out.printf("prompt tokens: 10 entries %d, 1000 entries %d, ratio %.2f%n", small, large, ratio);
        assertTrue(ratio <= MAX_RATIO, "ratio " + ratio);
    }

    @Test
    @DisplayName("500 past turns cost at most 1.2× the prompt tokens of 5 (history bounded by tokens)")
    void historyBounded() {
        int small = promptTokens(10, 5);
        int large = promptTokens(10, 500);
        double ratio = (double) large / small;
        System.out.printf("prompt tokens: 5 turns %d, 500 turns %d, ratio %.2f%n", small, large, ratio);
        assertTrue(ratio <= MAX_RATIO, "ratio " + ratio);
    }
}
