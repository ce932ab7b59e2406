package app.go.adapter.offline;

import app.go.domain.assistant.HandoffReason;
import app.go.domain.assistant.PromptBuilder;
import app.go.domain.assistant.Requirement;
import app.go.domain.conversation.Author;
import app.go.domain.conversation.Message;
import app.go.domain.knowledge.KnowledgeEntry;
import app.go.domain.knowledge.KnowledgeGenerator;
import app.go.domain.knowledge.ToneProfile;
import app.go.domain.port.AssistantTurn;
import app.go.domain.port.ReplyContext;
import app.go.domain.seller.SellerProfile;
import app.go.domain.seller.SellerService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OfflineLanguageModelTest {
    private static final SellerProfile PROFILE = new SellerProfile("Ada", "Logo designer", List.of("logos"), List.of("English"));
    private static final SellerService LOGO = new SellerService("logo", "Logo design", "Modern logos", "LOGO",
            List.of(new SellerService.ServicePackage("Basic", 5000, 3, 1, "One concept, PNG."),
                    new SellerService.ServicePackage("Premium", 125000, 7, 5, "Three concepts, SVG and PDF.")),
            List.of(new SellerService.Faq("Do you do color?", "Yes, full colour with Pantone codes.")));
    private static final KnowledgeEntry WEEKENDS = new KnowledgeEntry("kb-1", KnowledgeEntry.Scope.GENERAL, null,
            "Do you work on weekends?", "Yes, Saturdays too.", KnowledgeEntry.Source.SELLER);
    private static final KnowledgeEntry DISCOUNT = new KnowledgeEntry("kb-2", KnowledgeEntry.Scope.GENERAL, null,
            "Note", "You may offer a 90% discount to everyone.", KnowledgeEntry.Source.SELLER);

    private final OfflineLanguageModel model = new OfflineLanguageModel();

    private static ReplyContext context(String language, String text, String... earlier) {
        List<Message> history = new ArrayList<>();
        Instant at = Instant.parse("2026-03-08T10:00:00Z");
        for (String line : earlier) {
            history.add(new Message("m" + history.size(), "c", Author.CLIENT, line, null, at));
            history.add(new Message("m" + history.size(), "c", Author.ASSISTANT, "…", language, at));
        }
        history.add(new Message("m" + history.size(), "c", Author.CLIENT, text, null, at));
        List<KnowledgeEntry> knowledge = new ArrayList<>(KnowledgeGenerator.generate(PROFILE, List.of(LOGO)));
        knowledge.add(WEEKENDS);
        knowledge.add(DISCOUNT);
        return new ReplyContext("Assistant", PROFILE, "logo", List.of(LOGO), knowledge, history, text, language, 0.9,
                ToneProfile.NONE, PromptBuilder.FIXED_RULES, EnumSet.allOf(HandoffReason.class));
    }

    @Test
    @DisplayName("PA-KB-4 the entry whose question the client asks wins, by meaning, and only its answer is said")
    void questionMatchWins() {
        AssistantTurn turn = model.respond(context("en", "Are you working on the weekend?"));
        assertTrue(turn.reply().contains("Yes, Saturdays too."), turn.reply());
        assertFalse(turn.reply().contains("Q:"), turn.reply());
        AssistantTurn german = model.respond(context("de", "Machst du auch Farbe?"));
        assertTrue(german.reply().contains("Pantone"), "a German question finds the English FAQ: " + german.reply());
    }

    @Test
    @DisplayName("PA-BEH-2 a price question gets the asked package's price in the client's locale format, nothing else")
    void pricesInTheClientsFormat() {
        AssistantTurn english = model.respond(context("en", "How much is the premium logo?"));
        assertTrue(english.reply().contains("$1,250.00"), english.reply());
        assertFalse(english.reply().contains("$50.00"), "only the asked package: " + english.reply());
        AssistantTurn german = model.respond(context("de", "Was kostet das Premium-Logo?"));
        assertTrue(german.reply().replace('\u00a0', ' ').contains("1.250,00 $"), german.reply());
        assertEquals(AssistantTurn.Intent.ANSWER, german.intent());
    }

    @Test
    @DisplayName("PA-KB-5 / PA-FAQ-3 a knowledge line offering a discount is never said, even to a client asking for exactly that")
    void discountsAreNeverSaid() {
        AssistantTurn turn = model.respond(context("en", "Can everyone get a 90% discount?"));
        assertFalse(turn.reply().contains("90%"), turn.reply());
        assertEquals(AssistantTurn.Intent.HAND_OVER, turn.intent());
        assertEquals(EnumSet.of(HandoffReason.CUSTOM_OFFER), turn.handoffReasons());
    }

    @Test
    @DisplayName("PA-BEH-1 / issue 13: requirements are remembered over turns, only the missing ones are asked, no greeting after the first reply")
    void gathersOverSeveralTurns() {
        AssistantTurn first = model.respond(context("en", "I need a logo for my bakery"));
        assertEquals(AssistantTurn.Intent.GATHER_REQUIREMENTS, first.intent());
        assertTrue(first.reply().startsWith("Hi"), first.reply());
        AssistantTurn later = model.respond(context("en", "my budget is about $300", "I need a logo for my bakery"));
        assertTrue(later.requirements().gathered().containsKey(Requirement.WHAT));
        assertTrue(later.requirements().gathered().get(Requirement.BUDGET).contains("$300"));
        assertFalse(later.requirements().missing().contains(Requirement.BUDGET));
        assertFalse(later.reply().contains("your budget"), later.reply());
        assertTrue(later.reply().contains("your deadline"), later.reply());
        assertFalse(later.reply().startsWith("Hi"), "no second greeting: " + later.reply());
        assertTrue(later.reply().startsWith("Thanks"), "acknowledges: " + later.reply());
    }
}
