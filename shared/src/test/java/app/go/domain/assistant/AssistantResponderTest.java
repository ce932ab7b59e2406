package app.go.domain.assistant;

import app.go.domain.assistant.AssistantResponder.Outcome;
import app.go.domain.conversation.Author;
import app.go.domain.conversation.Conversation;
import app.go.domain.conversation.ConversationService;
import app.go.domain.conversation.InboundMessage;
import app.go.domain.conversation.Message;
import app.go.domain.seller.AssistantSettings;
import app.go.domain.seller.AssistantState;
import app.go.domain.seller.Availability;
import app.go.domain.seller.ClientRecord;
import app.go.domain.seller.HandoffSettings;
import app.go.domain.seller.Presence;
import app.go.domain.seller.SellerAccount;
import app.go.domain.seller.SellerProfile;
import app.go.domain.seller.SellerService;
import app.go.adapter.offline.OfflineLanguageModel;
import app.go.support.auth.Caller;
import app.go.support.time.AdjustableClock;
import app.go.testing.InMemoryConversationStore;
import app.go.testing.InMemoryIdempotencyStore;
import app.go.testing.InMemorySellerStore;
import app.go.testing.RecordingWorkflowStarter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    private final InMemoryIdempotencyStore idempotency = InMemoryIdempotencyStore.expiring(clock);
    private final AssistantResponder responder = new AssistantResponder(conversations, sellers, new OfflineLanguageModel(),
            idempotency, workflows, clock);

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
        clock.advance(ConversationService.START_RETRY_WINDOW.plusMinutes(1));
        assertEquals(Outcome.RETURNING_CLIENT, clientWrites(CLIENT, "Hi, it's me again in a new chat"));
    }

    @Test
    @DisplayName("PA-ACT-1 PA-BEH-1 a start retried without Idempotency-Key within the retry window (its answer lost) is answered: the assistant does not fall silent")
    void retriedStartWithoutKeyIsAnswered() {
        assertEquals(Outcome.REPLIED, clientWrites(CLIENT, "Hi, I need a logo"));
        clock.advance(java.time.Duration.ofMinutes(1));
        assertEquals(Outcome.REPLIED, clientWrites(CLIENT, "Hi, I need a logo"));
    }

    @Test
    @DisplayName("Exactly once: the process dies after claiming a message; its duplicate delivery after the claim expired is answered once, a further duplicate not at all")
    void duplicateAfterCrashAndClaimExpiryRepliesOnce() {
        service.start(CLIENT, SELLER, "svc-1", "Hi, I need a logo");
        InboundMessage inbound = queued.get(0);
        idempotency.claim(inbound.replyKey(), java.time.Duration.ofMinutes(2)); // the crashed attempt's claim
        org.junit.jupiter.api.Assertions.assertThrows(app.go.domain.port.IdempotencyStore.ConcurrentAttemptException.class,
                () -> responder.respond(inbound), "while the claim holds, the redelivery is retried later");
        clock.advance(java.time.Duration.ofMinutes(3));
        assertEquals(Outcome.REPLIED, responder.respond(inbound));
        assertEquals(Outcome.DUPLICATE, responder.respond(inbound));
        assertEquals(2, messagesOf(inbound).size(), "one client message, one reply");
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
    @DisplayName("PA-LIM-2 PA-SAFE-3 at the daily limit the seller is told once that day and the conversations the assistant cannot answer go to the seller's inbox")
    void dailyLimitIsNotSilence() {
        LocalDate berlinDay = LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of("Europe/Berlin"));
        for (int i = 0; i < AssistantResponder.DAILY_MESSAGE_LIMIT; i++) {
            sellers.tryCountAssistantMessage(SELLER, berlinDay, AssistantResponder.DAILY_MESSAGE_LIMIT);
        }
        assertEquals(Outcome.DAILY_LIMIT_REACHED, clientWrites(CLIENT, "Hi"));
        assertEquals(Outcome.DAILY_LIMIT_REACHED, clientWrites(new Caller("c-2", Caller.Role.CLIENT), "Hello"));
        assertEquals(Outcome.SELLER_HANDLES, responder.respond(queued.get(1)), "a redelivery: the seller has it now");
        for (InboundMessage waiting : queued) {
            assertTrue(conversations.find(waiting.conversationId()).orElseThrow().takenOverBySeller(), "handledBy SELLER");
        }
        List<app.go.domain.seller.Notification> told = sellers.notifications(SELLER).stream()
                .filter(n -> n.type().equals("DAILY_LIMIT_REACHED")).toList();
        assertEquals(1, told.size(), "once per day");
        assertEquals("daily-limit#" + berlinDay, told.get(0).id());
    }

    @Test
    @DisplayName("PA-BEH-3 a client asking for a custom offer starts the handoff workflow once, named by the message")
    void customOfferStartsHandoff() {
        clientWrites(CLIENT, "Can you make me a custom offer for 3 logos?");
        responder.respond(queued.get(0));
        assertEquals(1, workflows.started().size());
        assertTrue(workflows.started().keySet().iterator().next().contains(queued.get(0).messageId()));
    }

    // ---- when it answers: out of office, client types, availability (PA-ACT-4, PA-AV-1..4) -------

    private void settings(Availability availability, Set<ClientRecord.ClientType> excluded) {
        sellers.saveAssistant(SELLER, sellers.assistant(SELLER).withPreferences("Assistant", availability, excluded,
                HandoffSettings.DEFAULT, clock.instant(), "desktop"));
    }

    private static Availability schedule(DayOfWeek day, String from, String to) {
        return new Availability(Availability.Mode.SCHEDULE,
                Map.of(day, new Availability.TimeWindow(LocalTime.parse(from), LocalTime.parse(to))));
    }

    @Test
    @DisplayName("PA-ACT-4 out of office, the assistant answers nothing; back in office it answers again")
    void outOfOfficeAnswersNothing() {
        sellers.savePresence(SELLER, new Presence(false, true, clock.instant()));
        assertEquals(Outcome.OUT_OF_OFFICE, clientWrites(CLIENT, "Hi"));
        assertEquals(1, messagesOf(queued.get(0)).size());
        sellers.savePresence(SELLER, new Presence(false, false, clock.instant()));
        assertEquals(Outcome.REPLIED, clientWrites(new Caller("c-2", Caller.Role.CLIENT), "Hi"));
    }

    @Test
    @DisplayName("PA-ACT-4 out of office also silences conversations the assistant was already answering")
    void outOfOfficeSilencesOngoing() {
        assertEquals(Outcome.REPLIED, clientWrites(CLIENT, "Hi"));
        sellers.savePresence(SELLER, new Presence(false, true, clock.instant()));
        service.post(CLIENT, queued.get(0).conversationId(), "Are you there?");
        assertEquals(Outcome.OUT_OF_OFFICE, responder.respond(queued.get(1)));
    }

    @Test
    @DisplayName("PA-AV-4 a client of an excluded type is not answered; other types are")
    void excludedClientType() {
        settings(Availability.ALWAYS, Set.of(ClientRecord.ClientType.PRO));
        sellers.saveClient(SELLER, new ClientRecord("c-pro", ClientRecord.ClientType.PRO, false));
        assertEquals(Outcome.EXCLUDED_CLIENT_TYPE, clientWrites(new Caller("c-pro", Caller.Role.CLIENT), "Hi"));
        sellers.saveClient(SELLER, new ClientRecord("c-biz", ClientRecord.ClientType.BUSINESS, false));
        assertEquals(Outcome.REPLIED, clientWrites(new Caller("c-biz", Caller.Role.CLIENT), "Hi"));
        assertEquals(Outcome.REPLIED, clientWrites(CLIENT, "Hi")); // unknown to the platform: a standard client
    }

    @Test
    @DisplayName("PA-AV-4 excluding STANDARD also excludes clients the platform told us nothing about")
    void excludingStandardExcludesUnknownClients() {
        settings(Availability.ALWAYS, Set.of(ClientRecord.ClientType.STANDARD));
        assertEquals(Outcome.EXCLUDED_CLIENT_TYPE, clientWrites(CLIENT, "Hi"));
    }

    @Test
    @DisplayName("PA-AV-1 around the clock: answers at 3 a.m. in the seller's time zone")
    void alwaysAnswers() {
        settings(Availability.ALWAYS, Set.of());
        clock.set(Instant.parse("2026-03-08T02:00:00Z")); // 03:00 in Berlin
        assertEquals(Outcome.REPLIED, clientWrites(CLIENT, "Hi"));
    }

    @Test
    @DisplayName("PA-AV-2 when offline: quiet while the seller is online, answers while they are offline")
    void whenOffline() {
        settings(new Availability(Availability.Mode.WHEN_OFFLINE, Map.of()), Set.of());
        sellers.savePresence(SELLER, new Presence(true, false, clock.instant()));
        assertEquals(Outcome.OUTSIDE_AVAILABILITY, clientWrites(CLIENT, "Hi"));
        sellers.savePresence(SELLER, new Presence(false, false, clock.instant()));
        assertEquals(Outcome.REPLIED, clientWrites(new Caller("c-2", Caller.Role.CLIENT), "Hi"));
    }

    @Test
    @DisplayName("PA-AV-2 when offline: a seller who never reported presence counts as offline")
    void whenOfflineWithoutPresence() {
        settings(new Availability(Availability.Mode.WHEN_OFFLINE, Map.of()), Set.of());
        assertEquals(Outcome.REPLIED, clientWrites(CLIENT, "Hi"));
    }

    @Test
    @DisplayName("PA-AV-3 custom schedule: answers inside the day's window (from inclusive, to exclusive), not outside it")
    void scheduleWindow() {
        // 2026-03-08 is a Sunday; Berlin is UTC+1
        settings(schedule(DayOfWeek.SUNDAY, "09:00", "12:00"), Set.of());
        clock.set(Instant.parse("2026-03-08T08:00:00Z")); // 09:00 Berlin
        assertEquals(Outcome.REPLIED, clientWrites(new Caller("c-2", Caller.Role.CLIENT), "Hi"));
        clock.set(Instant.parse("2026-03-08T10:59:00Z")); // 11:59 Berlin
        assertEquals(Outcome.REPLIED, clientWrites(new Caller("c-3", Caller.Role.CLIENT), "Hi"));
        clock.set(Instant.parse("2026-03-08T11:00:00Z")); // 12:00 Berlin
        assertEquals(Outcome.OUTSIDE_AVAILABILITY, clientWrites(new Caller("c-4", Caller.Role.CLIENT), "Hi"));
        clock.set(Instant.parse("2026-03-08T07:59:00Z")); // 08:59 Berlin
        assertEquals(Outcome.OUTSIDE_AVAILABILITY, clientWrites(new Caller("c-5", Caller.Role.CLIENT), "Hi"));
        clock.set(Instant.parse("2026-03-09T09:00:00Z")); // Monday 10:00 Berlin: no window that day
        assertEquals(Outcome.OUTSIDE_AVAILABILITY, clientWrites(new Caller("c-6", Caller.Role.CLIENT), "Hi"));
    }

    @Test
    @DisplayName("PA-AV-3 the schedule is read in the seller's time zone (New York, on the day daylight saving starts)")
    void scheduleInSellersTimeZone() {
        sellers.saveAccount(new SellerAccount(SELLER, 2, false, "America/New_York", false));
        settings(schedule(DayOfWeek.SUNDAY, "09:00", "17:00"), Set.of());
        clock.set(Instant.parse("2026-03-08T12:00:00Z")); // 08:00 EDT
        assertEquals(Outcome.OUTSIDE_AVAILABILITY, clientWrites(CLIENT, "Hi"));
        clock.set(Instant.parse("2026-03-08T13:00:00Z")); // 09:00 EDT
        assertEquals(Outcome.REPLIED, clientWrites(new Caller("c-2", Caller.Role.CLIENT), "Hi"));
    }

    @Test
    @DisplayName("PA-AV-3 availability is judged when the client wrote, not when the message is processed")
    void scheduleJudgedAtMessageTime() {
        settings(schedule(DayOfWeek.SUNDAY, "09:00", "12:00"), Set.of());
        clock.set(Instant.parse("2026-03-08T10:59:59Z"));
        service.start(CLIENT, SELLER, "svc-1", "Hi");
        clock.advance(Duration.ofMinutes(5));
        assertEquals(Outcome.REPLIED, responder.respond(queued.get(0)));
    }

    @Test
    @DisplayName("PA-ACT-1 PA-ACT-4 PA-ACT-5 PA-AV-3 PA-AV-4 the refusal rules apply in order: eligibility, out of office, takeover, returning client, client type, availability, state")
    void refusalOrder() {
        Caller pro = new Caller("c-pro", Caller.Role.CLIENT);
        sellers.saveClient(SELLER, new ClientRecord("c-pro", ClientRecord.ClientType.PRO, false));
        settings(schedule(DayOfWeek.MONDAY, "09:00", "10:00"), Set.of(ClientRecord.ClientType.PRO));
        sellers.saveAssistant(SELLER, sellers.assistant(SELLER).withState(AssistantState.PAUSED, clock.instant(), "mobile"));
        sellers.savePresence(SELLER, new Presence(false, true, clock.instant()));

        sellers.saveAccount(new SellerAccount(SELLER, 1, false, "Europe/Berlin", false));
        assertEquals(Outcome.NOT_ELIGIBLE, clientWrites(pro, "Hi"));
        sellers.saveAccount(new SellerAccount(SELLER, 2, false, "Europe/Berlin", false));
        assertEquals(Outcome.OUT_OF_OFFICE, responder.respond(queued.get(0)));
        sellers.savePresence(SELLER, Presence.UNKNOWN);
        assertEquals(Outcome.EXCLUDED_CLIENT_TYPE, responder.respond(queued.get(0)));
        clock.advance(ConversationService.START_RETRY_WINDOW.plusMinutes(1)); // not a retried start
        assertEquals(Outcome.RETURNING_CLIENT, clientWrites(pro, "Hi, a second chat")); // before the client type
        assertEquals(Outcome.OUTSIDE_AVAILABILITY, clientWrites(CLIENT, "Hi"));
        service.post(new Caller(SELLER, Caller.Role.SELLER), queued.get(2).conversationId(), "Ada here");
        assertEquals(Outcome.SELLER_HANDLES, responder.respond(queued.get(2))); // before availability
        settings(Availability.ALWAYS, Set.of());
        assertEquals(Outcome.PAUSED_NEW_CONVERSATION, clientWrites(new Caller("c-3", Caller.Role.CLIENT), "Hi"));
    }

    @Test
    @DisplayName("PA-LIM-2 two conversations answered at the same time cannot both send the seller's 50th message")
    void dailyLimitHoldsUnderConcurrentReplies() throws Exception {
        LocalDate berlinDay = LocalDate.of(2026, 3, 8);
        for (int i = 0; i < AssistantResponder.DAILY_MESSAGE_LIMIT - 1; i++) {
            sellers.tryCountAssistantMessage(SELLER, berlinDay, AssistantResponder.DAILY_MESSAGE_LIMIT);
        }
        java.util.concurrent.CyclicBarrier bothWriting = new java.util.concurrent.CyclicBarrier(2);
        OfflineLanguageModel offline = new OfflineLanguageModel();
        AssistantResponder concurrent = new AssistantResponder(conversations, sellers, app.go.testing.LanguageModels.answering(context -> {
            try {
                bothWriting.await(5, java.util.concurrent.TimeUnit.SECONDS); // both passed the limit check
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return offline.respond(context);
        }), new InMemoryIdempotencyStore(), workflows, clock);
        service.start(CLIENT, SELLER, "svc-1", "Hi");
        service.start(new Caller("c-2", Caller.Role.CLIENT), SELLER, "svc-1", "Hello");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> concurrent.respond(queued.get(0)));
            var second = pool.submit(() -> concurrent.respond(queued.get(1)));
            List<Outcome> outcomes = List.of(first.get(10, java.util.concurrent.TimeUnit.SECONDS),
                    second.get(10, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(1, outcomes.stream().filter(o -> o == Outcome.REPLIED).count(), outcomes.toString());
            assertEquals(1, outcomes.stream().filter(o -> o == Outcome.DAILY_LIMIT_REACHED).count(), outcomes.toString());
        } finally {
            pool.shutdownNow();
        }
        long assistantMessages = queued.stream().flatMap(q -> messagesOf(q).stream())
                .filter(m -> m.author() == Author.ASSISTANT).count();
        assertEquals(1, assistantMessages);
        assertEquals(AssistantResponder.DAILY_MESSAGE_LIMIT, sellers.assistantMessagesOn(SELLER, berlinDay));
    }

    @Test
    @DisplayName("PA-ACT-8 a seller who writes while the assistant's reply is being written is not talked over")
    void sellerWritingDuringReplyIsNotTalkedOver() {
        OfflineLanguageModel offline = new OfflineLanguageModel();
        String[] conversationId = new String[1];
        AssistantResponder slow = new AssistantResponder(conversations, sellers, app.go.testing.LanguageModels.answering(context -> {
            // the model takes a few seconds; meanwhile the seller steps in
            service.post(new Caller(SELLER, Caller.Role.SELLER), conversationId[0], "Ada here, I'll take it from here");
            return offline.respond(context);
        }), new InMemoryIdempotencyStore(), workflows, clock);
        conversationId[0] = service.start(CLIENT, SELLER, "svc-1", "Hi, I need a logo").conversationId();

        assertEquals(Outcome.SELLER_HANDLES, slow.respond(queued.get(0)));
        List<Message> messages = messagesOf(queued.get(0));
        assertEquals(List.of(Author.CLIENT, Author.SELLER), messages.stream().map(Message::author).toList());
        assertEquals(0, sellers.assistantMessagesOn(SELLER, LocalDate.of(2026, 3, 8)));
    }
}
