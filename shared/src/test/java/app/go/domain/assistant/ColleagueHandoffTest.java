package app.go.domain.assistant;

import app.go.domain.conversation.Author;
import app.go.domain.knowledge.UnansweredQuestion;
import app.go.domain.knowledge.UnansweredQuestions;
import app.go.domain.port.AssistantTurn;
import app.go.domain.seller.FollowUpCase;
import app.go.domain.seller.Notification;
import app.go.domain.seller.SellerProfile;
import app.go.testing.HandoffFixture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static app.go.testing.HandoffFixture.CONVERSATION;
import static app.go.testing.HandoffFixture.MESSAGE;
import static app.go.testing.HandoffFixture.SELLER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The assistant as a colleague: the handoff brief (PA-BEH-5), the three follow-ups (PA-BEH-6), unanswered questions (PA-KB-3). */
class ColleagueHandoffTest {

    private static TurnRecord turn(String messageId, Instant at, String text, String language, AssistantTurn.Intent intent,
                                   Set<HandoffReason> reasons, Map<Requirement, String> gathered) {
        return new TurnRecord(messageId, at, text, language, intent, reasons, Set.of(), gathered,
                Set.of(Requirement.values()));
    }

    @Test
    @DisplayName("PA-BEH-5 the brief quotes each requirement in the client's words, names what is missing, open questions and why, in the seller's and the client's language")
    void briefFromStructuredTurns() {
        HandoffFixture f = new HandoffFixture("Ich brauche ein Logo für meine Bäckerei, bis Freitag");
        f.sellers.saveProfile(SELLER, new SellerProfile("Ada", "Logos", List.of("logo"), List.of("English", "German")));
        Instant first = f.conversation().createdAt();
        f.conversations.saveTurn(f.conversation(), turn(MESSAGE, first, "Ich brauche ein Logo für meine Bäckerei, bis Freitag", "de",
                AssistantTurn.Intent.GATHER_REQUIREMENTS, Set.of(),
                Map.of(Requirement.WHAT, "ein Logo für meine Bäckerei", Requirement.DEADLINE, "bis Freitag")));
        var question = f.write(Author.CLIENT, "Druckst du auch Visitenkarten?");
        f.conversations.saveTurn(f.conversation(), turn(question.messageId(), question.createdAt(), question.text(), "de",
                AssistantTurn.Intent.CANNOT_ANSWER, Set.of(), Map.of(Requirement.WHAT, "ein Logo für meine Bäckerei",
                        Requirement.DEADLINE, "bis Freitag")));
        var offer = f.write(Author.CLIENT, "Kannst du mir ein individuelles Angebot machen?");
        f.conversations.saveTurn(f.conversation(), turn(offer.messageId(), offer.createdAt(), offer.text(), "de",
                AssistantTurn.Intent.HAND_OVER, Set.of(HandoffReason.CUSTOM_OFFER), Map.of(Requirement.WHAT, "ein Logo für meine Bäckerei",
                        Requirement.DEADLINE, "bis Freitag", Requirement.BUDGET, "200 Euro")));

        f.handoff().summarize(SELLER, CONVERSATION, offer.messageId(), List.of("CUSTOM_OFFER"));

        HandoffBrief brief = f.conversations.brief(f.conversation()).orElseThrow();
        assertEquals("ein Logo für meine Bäckerei", brief.wants());
        assertEquals(List.of(new HandoffBrief.Quote("what", "ein Logo für meine Bäckerei", MESSAGE),
                new HandoffBrief.Quote("deadline", "bis Freitag", MESSAGE),
                new HandoffBrief.Quote("budget", "200 Euro", offer.messageId())), brief.requirements());
        assertEquals(List.of("scope", "references"), brief.missing());
        assertEquals("de", brief.clientLanguage());
        assertEquals("en", brief.sellerLanguage()); // the profile's first language
        assertTrue(brief.openQuestions().contains("Druckst du auch Visitenkarten?"), brief.openQuestions().toString());
        assertEquals(List.of("CUSTOM_OFFER"), brief.handoffReasons());
        String english = brief.texts().get("en");
        String german = brief.texts().get("de");
        assertTrue(english.contains("Deadline: \"bis Freitag\"") && english.contains("Still missing: Scope, References")
                && english.contains("the client wants a custom offer") && english.contains("German (de)"), english);
        assertTrue(german.contains("Termin: \"bis Freitag\"") && german.contains("Es fehlt noch: Umfang, Referenzen"), german);
        String summary = f.conversations.summary(f.conversation()).orElseThrow();
        assertTrue(summary.startsWith(english) && summary.endsWith(german), summary);
        Notification notification = f.sellers.notifications(SELLER).get(0);
        assertEquals("HANDOFF", notification.type());
        assertEquals(summary, notification.summary());
    }

    @Test
    @DisplayName("PA-BEH-5 one language when client and seller share it; the seller's language is the profile's first")
    void briefInOneLanguage() {
        assertEquals("de", HandoffBrief.sellerLanguage(java.util.Optional.of(new SellerProfile("A", null, List.of(), List.of("Deutsch")))));
        assertEquals("fr", HandoffBrief.sellerLanguage(java.util.Optional.of(new SellerProfile("A", null, List.of(), List.of("French")))));
        assertEquals("en", HandoffBrief.sellerLanguage(java.util.Optional.empty()));
        HandoffFixture f = new HandoffFixture("I need a logo for my bakery, what does it cost?");
        f.handoff().summarize(SELLER, CONVERSATION, MESSAGE, List.of("ASKED_FOR_SELLER"));
        HandoffBrief brief = f.conversations.brief(f.conversation()).orElseThrow();
        assertEquals(Set.of("en"), brief.texts().keySet());
        assertEquals(brief.texts().get("en"), brief.text());
        assertTrue(brief.text().contains("the client asked to talk to you"), brief.text());
        assertEquals(List.of("I need a logo for my bakery, what does it cost?"), brief.openQuestions());
    }

    @Test
    @DisplayName("PA-BEH-6 UNANSWERED: one follow-up per conversation in the client's language, none once someone answered")
    void unansweredFollowUp() {
        HandoffFixture f = new HandoffFixture("¿Cuánto cuesta un logo?");
        f.sellers.saveProfile(SELLER, new SellerProfile("Ada", null, List.of(), List.of("English")));
        SellerHandoff.FollowUp sent = f.handoff().followUp(SELLER, CONVERSATION, MESSAGE, FollowUpCase.UNANSWERED);
        assertTrue(sent.sent());
        var second = f.write(Author.CLIENT, "¿Hola?");
        SellerHandoff.FollowUp again = f.handoff().followUp(SELLER, CONVERSATION, second.messageId(), FollowUpCase.UNANSWERED);
        assertFalse(again.sent(), again.toString());
        var messages = f.conversations.messages(f.conversation());
        var followUps = messages.stream().filter(m -> m.author() == Author.ASSISTANT).toList();
        assertEquals(1, followUps.size());
        assertEquals("es", followUps.get(0).language());
        assertTrue(followUps.get(0).text().contains("Ada"), followUps.get(0).text());

        HandoffFixture answered = new HandoffFixture("How much is a logo?");
        answered.write(Author.ASSISTANT, "The Basic package costs $50.");
        assertEquals(SellerHandoff.FollowUp.ANSWERED,
                answered.handoff().followUp(SELLER, CONVERSATION, MESSAGE, FollowUpCase.UNANSWERED).reason());
    }

    @Test
    @DisplayName("PA-BEH-6 NOT_FORWARDED: a follow-up once the chat went quiet; none when the client wrote on or the seller wrote")
    void notForwardedFollowUp() {
        HandoffFixture quiet = new HandoffFixture("Can you make me a custom offer?");
        quiet.write(Author.ASSISTANT, "I can't pass this on here, but I'm happy to answer your questions.");
        assertTrue(quiet.handoff().followUp(SELLER, CONVERSATION, MESSAGE, FollowUpCase.NOT_FORWARDED).sent());
        assertFalse(quiet.handoff().followUp(SELLER, CONVERSATION, MESSAGE, FollowUpCase.NOT_FORWARDED).sent());

        HandoffFixture goesOn = new HandoffFixture("Can you make me a custom offer?");
        goesOn.write(Author.CLIENT, "Ok, what does the Basic package include?");
        assertEquals(SellerHandoff.FollowUp.CHAT_WENT_ON,
                goesOn.handoff().followUp(SELLER, CONVERSATION, MESSAGE, FollowUpCase.NOT_FORWARDED).reason());

        HandoffFixture seller = new HandoffFixture("Can you make me a custom offer?");
        seller.write(Author.SELLER, "Hi, happy to!");
        for (FollowUpCase followUpCase : FollowUpCase.values()) {
            assertEquals(SellerHandoff.FollowUp.SELLER_JOINED,
                    seller.handoff().followUp(SELLER, CONVERSATION, MESSAGE, followUpCase).reason(), followUpCase.name());
        }
    }

    @Test
    @DisplayName("PA-KB-3 unanswered questions are grouped by normalised text and counted by frequency; greetings and small talk are left out")
    void unansweredGroupedByFrequency() {
        Instant t = Instant.parse("2026-03-08T09:00:00Z");
        List<UnansweredQuestion> asked = List.of(
                new UnansweredQuestion("c-1", "m-1", "Do you print business cards?", "en", t),
                new UnansweredQuestion("c-2", "m-2", "do you PRINT business cards", "en", t.plusSeconds(60)),
                new UnansweredQuestion("c-3", "m-3", "Can I pay in installments?", "en", t.plusSeconds(120)),
                new UnansweredQuestion("c-4", "m-4", "Hi there!", "en", t.plusSeconds(180)),
                new UnansweredQuestion("c-5", "m-5", "Thank you!", "en", t.plusSeconds(240)));
        List<UnansweredQuestions.Group> groups = UnansweredQuestions.group(asked);
        assertEquals(2, groups.size(), groups.toString());
        assertEquals(2, groups.get(0).count());
        assertEquals("do you PRINT business cards", groups.get(0).text());
        assertEquals(List.of("c-1", "c-2"), groups.get(0).conversationIds());
        assertEquals(1, groups.get(1).count());
        assertFalse(UnansweredQuestions.worthListing("Hello!"));
        assertTrue(UnansweredQuestions.worthListing("Hello, do you do animations?"));
    }

    @Test
    @DisplayName("PA-KB-3 the seller's answer to the question the assistant could not answer becomes a suggestion with its source conversation; a greeting pair does not; accepting it passes the knowledge screening")
    void learningFromTheSeller() {
        HandoffFixture f = new HandoffFixture("Hi there!");
        f.sellers.saveService(SELLER, new app.go.domain.seller.SellerService("logo", "Logo design", "Logos", "LOGO_DESIGN",
                List.of(new app.go.domain.seller.SellerService.ServicePackage("Basic", 5000, 3, 1, "One logo")), List.of()));
        app.go.testing.InMemoryKnowledgeStore store = new app.go.testing.InMemoryKnowledgeStore();
        app.go.domain.conversation.ConversationService service = new app.go.domain.conversation.ConversationService(
                f.conversations, f.sellers, new app.go.testing.RecordingQueue(), f.clock, store);
        app.go.support.auth.Caller seller = new app.go.support.auth.Caller(SELLER, app.go.support.auth.Caller.Role.SELLER);
        f.write(Author.ASSISTANT, "Hi, thanks for reaching out!");
        var question = f.write(Author.CLIENT, "Do you also print business cards?");
        f.conversations.saveTurn(f.conversation(), turn(question.messageId(), question.createdAt(), question.text(), "en",
                AssistantTurn.Intent.CANNOT_ANSWER, Set.of(), Map.of()));
        f.write(Author.ASSISTANT, "I don't have that detail; the seller will be able to tell you.");

        service.post(seller, CONVERSATION, "Yes, business cards are $20 extra per design.");

        app.go.domain.knowledge.KnowledgeService knowledge = new app.go.domain.knowledge.KnowledgeService(f.sellers, store, f.clock);
        var view = knowledge.view(SELLER);
        assertEquals(1, view.suggestions().size(), view.suggestions().toString());
        var suggestion = view.suggestions().get(0);
        assertEquals("Do you also print business cards?", suggestion.question());
        assertEquals(CONVERSATION, view.suggestionSources().get(suggestion.id()));

        HandoffFixture greeting = new HandoffFixture("Hi there");
        app.go.testing.InMemoryKnowledgeStore greetingStore = new app.go.testing.InMemoryKnowledgeStore();
        new app.go.domain.conversation.ConversationService(greeting.conversations, greeting.sellers, new app.go.testing.RecordingQueue(),
                greeting.clock, greetingStore).post(seller, CONVERSATION, "Hi, I'm the seller, I'll take it from here");
        assertTrue(new app.go.domain.knowledge.KnowledgeService(greeting.sellers, greetingStore, greeting.clock).view(SELLER)
                .suggestions().isEmpty());

        var saved = knowledge.save(SELLER, List.of(new app.go.domain.knowledge.KnowledgeService.Draft(suggestion.id(),
                suggestion.scope(), suggestion.serviceId(), suggestion.question(), suggestion.answer())));
        assertEquals("KB_UNLISTED_PRICE", saved.findings().get(0).code(), saved.findings().toString());
    }
}
