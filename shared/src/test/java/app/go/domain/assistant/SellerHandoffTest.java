package app.go.domain.assistant;

import app.go.testing.HandoffFixture;
import app.go.domain.assistant.SellerHandoff;
import app.go.domain.conversation.Author;
import app.go.domain.conversation.HandledBy;
import app.go.domain.conversation.Message;
import app.go.domain.seller.Notification;
import app.go.domain.port.Prompt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;

import static app.go.testing.HandoffFixture.CONVERSATION;
import static app.go.testing.HandoffFixture.MESSAGE;
import static app.go.testing.HandoffFixture.SELLER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SellerHandoffTest {

    // ---- PA-BEH-3: decide ---------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource({"CUSTOM_OFFER", "ASKED_FOR_SELLER", "COMPLEX_REQUEST"})
    @DisplayName("PA-BEH-3 the seller is called in for a custom offer, a request to talk to the seller, or a complex request")
    void handsOverForEachReason(String reason) {
        HandoffFixture f = new HandoffFixture("I need something");

        SellerHandoff.Decision decision = f.handoff().decide(SELLER, CONVERSATION, MESSAGE, List.of(reason));

        assertTrue(decision.handoff());
        assertEquals(List.of(reason), decision.reasons());
        assertEquals(SellerHandoff.DEFAULT_FOLLOW_UP_AFTER_SECONDS, decision.followUpAfterSeconds());
        assertEquals(3_600, decision.followUpAfterSeconds());
    }

    @Test
    @DisplayName("PA-BEH-3 no handoff when the seller already handles the conversation (PA-ACT-8)")
    void noHandoffWhenSellerHandles() {
        HandoffFixture f = new HandoffFixture("Can I talk to the seller?");
        f.conversations.handOverToSeller(f.conversation(), f.clock.instant());

        SellerHandoff.Decision decision = f.handoff().decide(SELLER, CONVERSATION, MESSAGE, List.of("ASKED_FOR_SELLER"));

        assertFalse(decision.handoff());
    }

    @Test
    @DisplayName("PA-BEH-3 no handoff for an unknown conversation, another seller's conversation, or no known reason")
    void noHandoffWithoutConversationOrReason() {
        HandoffFixture f = new HandoffFixture("hello");

        assertFalse(f.handoff().decide(SELLER, "c-unknown", MESSAGE, List.of("CUSTOM_OFFER")).handoff());
        assertFalse(f.handoff().decide("s-other", CONVERSATION, MESSAGE, List.of("CUSTOM_OFFER")).handoff());
        assertFalse(f.handoff().decide(SELLER, CONVERSATION, MESSAGE, List.of()).handoff());
        assertFalse(f.handoff().decide(SELLER, CONVERSATION, MESSAGE, List.of("NOT_A_REASON")).handoff());
    }

    // ---- PA-BEH-4 / PA-BEH-5: summarize --------------------------------------------------------

    @Test
    @DisplayName("PA-BEH-5 a summary is written when the seller is needed and the conversation is handed to the seller")
    void summaryWrittenAndConversationHandedOver() {
        HandoffFixture f = new HandoffFixture("I need a custom offer for 20 logos");
        f.write(Author.ASSISTANT, "Sure, what is your deadline?");
        f.write(Author.CLIENT, "Next week");

        SellerHandoff.Summary summary = f.handoff().summarize(SELLER, CONVERSATION, MESSAGE, List.of("CUSTOM_OFFER"));

        assertTrue(summary.summaryWritten());
        String written = f.conversations.summary(f.conversation()).orElseThrow();
        assertTrue(written.contains("\"I need a custom offer for 20 logos\""), written); // the client's words, quoted
        assertEquals(HandledBy.SELLER, f.conversation().handledBy());
        assertTrue(f.model.prompts().isEmpty(), "the brief is written from the stored turns, not by a model call");
    }

    @Test
    @DisplayName("PA-BEH-4 the seller is notified of a handoff with type HANDOFF")
    void sellerNotifiedOfHandoff() {
        HandoffFixture f = new HandoffFixture("I need an NDA and a contract");

        SellerHandoff.Summary summary = f.handoff().summarize(SELLER, CONVERSATION, MESSAGE, List.of("COMPLEX_REQUEST"));

        List<Notification> notifications = f.sellers.notifications(SELLER);
        assertEquals(1, notifications.size());
        assertEquals("HANDOFF", notifications.get(0).type());
        assertEquals(CONVERSATION, notifications.get(0).conversationId());
        assertEquals(summary.notificationId(), notifications.get(0).id());
    }

    @Test
    @DisplayName("PA-BEH-4 the seller is notified with type CLIENT_ASKED_FOR_SELLER when the client asks for the seller")
    void sellerNotifiedWhenClientAsks() {
        HandoffFixture f = new HandoffFixture("Can I talk to the seller? I also want a discount");

        f.handoff().summarize(SELLER, CONVERSATION, MESSAGE, List.of("ASKED_FOR_SELLER", "CUSTOM_OFFER"));

        assertEquals("CLIENT_ASKED_FOR_SELLER", f.sellers.notifications(SELLER).get(0).type());
    }

    @Test
    @DisplayName("PA-BEH-4 idempotency: a retried summarize notifies the seller once")
    void summarizeTwiceNotifiesOnce() {
        HandoffFixture f = new HandoffFixture("I need a custom offer");

        SellerHandoff.Summary first = f.handoff().summarize(SELLER, CONVERSATION, MESSAGE, List.of("CUSTOM_OFFER"));
        f.clock.advance(Duration.ofSeconds(4));
        SellerHandoff.Summary retry = f.handoff().summarize(SELLER, CONVERSATION, MESSAGE, List.of("CUSTOM_OFFER"));

        assertEquals(1, f.sellers.notifications(SELLER).size());
        assertEquals(first.notificationId(), retry.notificationId());
        assertTrue(f.conversations.summary(f.conversation()).isPresent());
    }

    // ---- PA-BEH-6: follow up -------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "en|Hello, I need a custom offer for my website",
            "es|Hola, necesito una oferta personalizada para mi web",
            "fr|Bonjour, je voudrais une offre personnalisée pour mon site",
            "de|Hallo, ich brauche ein individuelles Angebot für meine Webseite",
            "ar|مرحبا، أحتاج إلى عرض مخصص لموقعي",
            "zh|你好，我需要为我的网站定制报价",
            "ru|Здравствуйте, мне нужно индивидуальное предложение"})
    @DisplayName("PA-BEH-6 a follow-up is sent in the client's language when the seller has not joined")
    void followUpInClientsLanguage(String language, String clientText) {
        HandoffFixture f = new HandoffFixture(clientText);
        SellerHandoff handoff = f.handoff();
        handoff.summarize(SELLER, CONVERSATION, MESSAGE, List.of("CUSTOM_OFFER"));
        f.clock.advance(Duration.ofHours(4));

        SellerHandoff.FollowUp followUp = handoff.followUp(SELLER, CONVERSATION, MESSAGE);

        assertTrue(followUp.sent());
        assertEquals("SELLER_NOT_JOINED", followUp.reason());
        Message last = lastMessage(f);
        assertEquals(Author.ASSISTANT, last.author());
        assertEquals(language, last.language());
        assertEquals(SellerHandoff.followUpText(language), last.text());
    }

    @Test
    @DisplayName("PA-BEH-6 no follow-up when the seller wrote in the conversation after the handoff")
    void noFollowUpWhenSellerJoined() {
        HandoffFixture f = new HandoffFixture("Can I talk to the seller?");
        SellerHandoff handoff = f.handoff();
        handoff.summarize(SELLER, CONVERSATION, MESSAGE, List.of("ASKED_FOR_SELLER"));
        f.write(Author.SELLER, "Hi, I'm here!");
        f.clock.advance(Duration.ofHours(4));

        SellerHandoff.FollowUp followUp = handoff.followUp(SELLER, CONVERSATION, MESSAGE);

        assertFalse(followUp.sent());
        assertEquals("SELLER_JOINED", followUp.reason());
        assertEquals(Author.SELLER, lastMessage(f).author());
    }

    @Test
    @DisplayName("PA-BEH-6 the follow-up uses the language of the client's last message")
    void followUpUsesLastClientMessage() {
        HandoffFixture f = new HandoffFixture("Hello, I need a custom offer");
        f.write(Author.CLIENT, "Hola, necesito el precio por favor");
        f.handoff().summarize(SELLER, CONVERSATION, MESSAGE, List.of("CUSTOM_OFFER"));

        f.handoff().followUp(SELLER, CONVERSATION, MESSAGE);

        assertEquals("es", lastMessage(f).language());
    }

    @Test
    @DisplayName("PA-BEH-6 idempotency: a retried follow-up sends one message")
    void followUpTwiceSendsOnce() {
        HandoffFixture f = new HandoffFixture("I need a custom offer");
        SellerHandoff handoff = f.handoff();
        handoff.summarize(SELLER, CONVERSATION, MESSAGE, List.of("CUSTOM_OFFER"));

        SellerHandoff.FollowUp first = handoff.followUp(SELLER, CONVERSATION, MESSAGE);
        SellerHandoff.FollowUp retry = handoff.followUp(SELLER, CONVERSATION, MESSAGE);

        assertTrue(first.sent());
        assertEquals(new SellerHandoff.FollowUp(false, SellerHandoff.FollowUp.ALREADY_SENT), retry);
        assertEquals(1, f.conversations.messages(f.conversation()).stream().filter(m -> m.author() == Author.ASSISTANT).count());
        assertTrue(f.idempotency.done(SellerHandoff.followUpKey(SELLER, CONVERSATION, app.go.domain.seller.FollowUpCase.SELLER_NOT_JOINED)));
    }

    @Test
    @DisplayName("PA-BEH-6 no follow-up for an unknown conversation")
    void noFollowUpForUnknownConversation() {
        HandoffFixture f = new HandoffFixture("I need a custom offer");

        SellerHandoff.FollowUp followUp = f.handoff().followUp(SELLER, "c-unknown", MESSAGE);

        assertFalse(followUp.sent());
        assertEquals(1, f.conversations.messages(f.conversation()).size());
    }

    @Test
    @DisplayName("PA-BEH-6 exactly once: a follow-up retried after its first attempt stored the message but lost its idempotency record sends one message")
    void followUpRetriedAfterLostRecordSendsOnce() {
        HandoffFixture f = new HandoffFixture("I need a custom offer");
        SellerHandoff handoff = new SellerHandoff(f.conversations, f.sellers, f.model,
                app.go.testing.InMemoryIdempotencyStore.forgetful(), f.clock);
        handoff.summarize(SELLER, CONVERSATION, MESSAGE, List.of("CUSTOM_OFFER"));

        handoff.followUp(SELLER, CONVERSATION, MESSAGE);
        f.clock.advance(Duration.ofSeconds(30)); // the state machine's retry, or a redriven execution
        handoff.followUp(SELLER, CONVERSATION, MESSAGE);

        assertEquals(1, f.conversations.messages(f.conversation()).stream().filter(m -> m.author() == Author.ASSISTANT).count());
    }

    @Test
    @DisplayName("PA-BEH-6 a follow-up attempt killed by its function timeout leaves the claim free for the state machine's retries")
    void followUpClaimExpiresWithinTheStateMachinesRetries() throws Exception {
        HandoffFixture f = new HandoffFixture("I need a custom offer");
        Duration[] claimedFor = new Duration[1];
        app.go.domain.port.IdempotencyStore recording = new app.go.domain.port.IdempotencyStore() {
            @Override
            public Claim claim(String key, Duration inProgressFor) {
                claimedFor[0] = inProgressFor;
                return f.idempotency.claim(key, inProgressFor);
            }

            @Override
            public void complete(String key, String result, Duration keepFor) {
                f.idempotency.complete(key, result, keepFor);
            }

            @Override
            public void release(String key) {
                f.idempotency.release(key);
            }
        };
        new SellerHandoff(f.conversations, f.sellers, f.model, recording, f.clock).followUp(SELLER, CONVERSATION, MESSAGE);

        com.fasterxml.jackson.databind.JsonNode retry = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(java.nio.file.Path.of("../statemachines/handoff.asl.json").toFile())
                .at("/States/SendFollowUp/Retry/0");
        long functionTimeout = app.go.wiring.topology.SystemTopology.SEND_FOLLOW_UP.timeout().toSeconds();
        // a killed attempt is retried after the interval, then after interval * rate, ...; the last retry must find the claim expired
        long lastRetryAt = functionTimeout;
        double interval = retry.get("IntervalSeconds").asDouble();
        for (int i = 0; i < retry.get("MaxAttempts").asInt(); i++) {
            lastRetryAt += (long) interval;
            interval *= retry.get("BackoffRate").asDouble();
        }
        assertTrue(claimedFor[0].toSeconds() > functionTimeout, "a live attempt must keep its claim: " + claimedFor[0]);
        assertTrue(claimedFor[0].toSeconds() < lastRetryAt - 1, "the claim " + claimedFor[0] + " outlives every retry (last at "
                + lastRetryAt + " s)");
    }

    private static Message lastMessage(HandoffFixture f) {
        List<Message> messages = f.conversations.messages(f.conversation());
        return messages.get(messages.size() - 1);
    }
}
