package app.go.domain.assistant;

import app.go.domain.conversation.Conversation;
import app.go.domain.conversation.ConversationService;
import app.go.domain.conversation.HandledBy;
import app.go.domain.seller.AssistantSettings;
import app.go.domain.seller.AssistantState;
import app.go.domain.seller.Availability;
import app.go.domain.seller.ClientRecord;
import app.go.domain.seller.HandoffSettings;
import app.go.domain.seller.SellerAccount;
import app.go.domain.seller.SellerProfile;
import app.go.domain.seller.SellerService;
import app.go.domain.port.Prompt;
import app.go.adapter.offline.OfflineLanguageModel;
import app.go.support.auth.Caller;
import app.go.support.errors.DomainException;
import app.go.support.time.AdjustableClock;
import app.go.testing.InMemoryConversationStore;
import app.go.testing.InMemoryIdempotencyStore;
import app.go.testing.InMemorySellerStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The assistant's settings, lifecycle, trial and handoff tuning, on in-memory stores. */
class AssistantSettingsTest {
    private static final String SELLER = "s-1";

    private final AdjustableClock clock = AdjustableClock.systemUtc();
    private final InMemoryConversationStore conversationStore = new InMemoryConversationStore();
    private final InMemorySellerStore sellers = new InMemorySellerStore();
    private final ConversationService conversations = new ConversationService(conversationStore, sellers,
            (body, group, dedup) -> { }, clock);
    private final AssistantLifecycle lifecycle = new AssistantLifecycle(sellers, conversationStore, clock);
    private final AssistantSettingsService settings = new AssistantSettingsService(sellers, clock);
    private final List<app.go.domain.port.ReplyContext> contexts = new ArrayList<>();
    private final OfflineLanguageModel offline = new OfflineLanguageModel();
    private final AssistantTrial trial = new AssistantTrial(sellers, app.go.testing.LanguageModels.answering(context -> {
        contexts.add(context);
        return offline.respond(context);
    }), clock);

    @BeforeEach
    void eligibleSeller() {
        clock.set(Instant.parse("2026-03-08T10:00:00Z"));
        sellers.saveAccount(new SellerAccount(SELLER, 2, false, "Europe/Berlin", false));
        sellers.saveProfile(SELLER, new SellerProfile("Ada", "Logo designer", List.of("logos"), List.of("English")));
        sellers.saveService(SELLER, new SellerService("svc-1", "Logo design", "Modern logos", "LOGO",
                List.of(new SellerService.ServicePackage("Basic", 5000, 3, 1, null)), List.of()));
    }

    private static void assertCode(String code, Executable action) {
        assertEquals(code, assertThrows(DomainException.class, action).code());
    }

    private Conversation start(String clientId) {
        return conversations.start(new Caller(clientId, Caller.Role.CLIENT), SELLER, "svc-1", "Hi");
    }

    // ---- PA-ACT-7: mobile for on/off, desktop for the rest --------------------------------------

    @Test
    @DisplayName("PA-ACT-7 activate, pause, resume and deactivate are mobile-only (403 MOBILE_ONLY otherwise)")
    void onOffIsMobileOnly() {
        for (String platform : new String[] {"desktop", null, "web"}) {
            assertCode("MOBILE_ONLY", () -> lifecycle.activate(SELLER, platform));
            assertCode("MOBILE_ONLY", () -> lifecycle.pause(SELLER, platform));
            assertCode("MOBILE_ONLY", () -> lifecycle.resume(SELLER, platform));
            assertCode("MOBILE_ONLY", () -> lifecycle.deactivate(SELLER, platform));
        }
        assertEquals(AssistantState.INACTIVE, sellers.assistant(SELLER).state());
    }

    @Test
    @DisplayName("PA-ACT-7 every other setting is desktop-only (403 DESKTOP_ONLY otherwise) and the change records where it came from")
    void settingsAreDesktopOnly() {
        AssistantSettingsService.Change change = new AssistantSettingsService.Change("Ada's Helper", null, null, null);
        DomainException e = assertThrows(DomainException.class, () -> settings.update(SELLER, "mobile", change));
        assertEquals("DESKTOP_ONLY", e.code());
        assertEquals(DomainException.Kind.FORBIDDEN, e.kind());
        assertEquals(AssistantSettings.DEFAULT_NAME, sellers.assistant(SELLER).name());

        AssistantSettings saved = settings.update(SELLER, "desktop", change);
        assertEquals("Ada's Helper", saved.name());
        assertEquals("desktop", saved.updatedFrom());
        assertNotNull(saved.updatedAt());
        assertEquals("mobile", lifecycle.activate(SELLER, "mobile").updatedFrom());
    }

    // ---- NAME-1 / NAME-2 and the rest of the settings ---------------------------------------------

    @Test
    @DisplayName("NAME-2 a rejected name is a 422 NAME_REJECTED and leaves the settings unchanged")
    void rejectedNameChangesNothing() {
        DomainException e = assertThrows(DomainException.class,
                () -> settings.update(SELLER, "desktop", new AssistantSettingsService.Change("0ff1c1al Supp\u200Bort", null, null, null)));
        assertEquals("NAME_REJECTED", e.code());
        assertEquals(DomainException.Kind.RULE, e.kind());
        assertEquals(AssistantSettings.initial(), sellers.assistant(SELLER));
    }

    @Test
    @DisplayName("PA-AV-3 PA-AV-4 PA-BEH-3 settings are saved; fields left out keep their value and the state is untouched")
    void partialUpdateKeepsTheRest() {
        lifecycle.activate(SELLER, "mobile");
        Availability weekdays = new Availability(Availability.Mode.SCHEDULE,
                Map.of(DayOfWeek.MONDAY, new Availability.TimeWindow(LocalTime.of(9, 0), LocalTime.of(17, 0))));
        settings.update(SELLER, "desktop", new AssistantSettingsService.Change("Pixel", weekdays,
                Set.of(ClientRecord.ClientType.PRO), new HandoffSettings(false, true, 30)));
        settings.update(SELLER, "desktop", new AssistantSettingsService.Change(null, null, null, null));

        AssistantSettings saved = sellers.assistant(SELLER);
        assertEquals("Pixel", saved.name());
        assertEquals(weekdays, saved.availability());
        assertEquals(Set.of(ClientRecord.ClientType.PRO), saved.excludedClientTypes());
        assertEquals(new HandoffSettings(false, true, 30), saved.handoff());
        assertEquals(AssistantState.ACTIVE, saved.state());
    }

    @Test
    @DisplayName("PA-AV-3 a time window needs from before to; a schedule needs a day; follow-up minutes stay in 15..1440")
    void domainInvariants() {
        assertThrows(IllegalArgumentException.class, () -> new Availability.TimeWindow(LocalTime.of(17, 0), LocalTime.of(9, 0)));
        assertThrows(IllegalArgumentException.class, () -> new Availability.TimeWindow(LocalTime.of(9, 0), LocalTime.of(9, 0)));
        assertThrows(IllegalArgumentException.class, () -> new Availability(Availability.Mode.SCHEDULE, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new HandoffSettings(true, true, 14));
        assertThrows(IllegalArgumentException.class, () -> new HandoffSettings(true, true, 1_441));
        assertEquals(900, new HandoffSettings(true, true, 15).followUpAfterSeconds());
    }

    @Test
    @DisplayName("PA-LIM-2 the settings view shows the messages sent on the seller's day and the daily limit of 50")
    void viewShowsDailyCount() {
        LocalDate berlinDay = LocalDate.of(2026, 3, 8);
        sellers.tryCountAssistantMessage(SELLER, berlinDay, AssistantResponder.DAILY_MESSAGE_LIMIT);
        sellers.tryCountAssistantMessage(SELLER, berlinDay, AssistantResponder.DAILY_MESSAGE_LIMIT);
        AssistantSettingsService.View view = settings.view(SELLER);
        assertEquals(2, view.messagesToday());
        assertEquals(50, view.dailyLimit());
    }

    // ---- PA-ACT-5 / PA-ACT-6: pause, resume, deactivate ------------------------------------------

    @Test
    @DisplayName("PA-ACT-5 pause needs an active assistant; resume brings a paused one back to ACTIVE")
    void pauseAndResume() {
        assertCode("ASSISTANT_NOT_ACTIVE", () -> lifecycle.pause(SELLER, "mobile"));
        lifecycle.activate(SELLER, "mobile");
        assertEquals(AssistantState.PAUSED, lifecycle.pause(SELLER, "mobile").state());
        assertEquals(AssistantState.PAUSED, lifecycle.pause(SELLER, "mobile").state()); // again: no change
        assertEquals(AssistantState.ACTIVE, lifecycle.resume(SELLER, "mobile").state());
        assertEquals(AssistantState.ACTIVE, lifecycle.resume(SELLER, "mobile").state());
        lifecycle.deactivate(SELLER, "mobile");
        assertCode("ASSISTANT_NOT_PAUSED", () -> lifecycle.resume(SELLER, "mobile"));
    }

    @Test
    @DisplayName("ELIG-1 a seller who lost eligibility cannot resume the assistant")
    void resumeNeedsEligibility() {
        lifecycle.activate(SELLER, "mobile");
        lifecycle.pause(SELLER, "mobile");
        sellers.saveAccount(new SellerAccount(SELLER, 1, false, "Europe/Berlin", false));
        assertCode("NOT_ELIGIBLE", () -> lifecycle.resume(SELLER, "mobile"));
    }

    @Test
    @DisplayName("PA-ACT-6 deactivate moves every conversation the assistant was handling to the seller and keeps the settings")
    void deactivateMovesConversations() {
        lifecycle.activate(SELLER, "mobile");
        settings.update(SELLER, "desktop", new AssistantSettingsService.Change("Pixel", null,
                Set.of(ClientRecord.ClientType.BUSINESS), new HandoffSettings(false, false, 60)));
        Conversation first = start("c-1");
        Conversation second = start("c-2");
        Conversation taken = start("c-3");
        conversations.post(new Caller(SELLER, Caller.Role.SELLER), taken.conversationId(), "I'm here");
        AssistantSettings before = sellers.assistant(SELLER);

        AssistantLifecycle.Deactivated result = lifecycle.deactivate(SELLER, "mobile");

        assertEquals(2, result.movedToSeller());
        assertEquals(AssistantState.INACTIVE, result.settings().state());
        for (Conversation c : List.of(first, second, taken)) {
            assertEquals(HandledBy.SELLER, conversationStore.find(c.conversationId()).orElseThrow().handledBy());
        }
        AssistantSettings after = sellers.assistant(SELLER);
        assertEquals(before.name(), after.name());
        assertEquals(before.availability(), after.availability());
        assertEquals(before.excludedClientTypes(), after.excludedClientTypes());
        assertEquals(before.handoff(), after.handoff());
        assertEquals(0, lifecycle.deactivate(SELLER, "mobile").movedToSeller());
    }

    // ---- PA-ACT-2: activation prompt -------------------------------------------------------------

    @Test
    @DisplayName("PA-ACT-2 an eligible seller who has not activated PA sees an activation prompt on a new client's conversation")
    void activationPrompt() {
        Conversation fresh = start("c-1");
        clock.advance(app.go.domain.conversation.ConversationService.START_RETRY_WINDOW.plusMinutes(1)); // later, not a retried start
        Conversation returning = start("c-1");
        Optional<SellerAccount> eligible = sellers.account(SELLER);
        Optional<SellerAccount> notEligible = Optional.of(new SellerAccount(SELLER, 1, false, "UTC", false));
        AssistantSettings inactive = AssistantSettings.initial();

        assertTrue(AssistantLifecycle.showsActivationPrompt(eligible, inactive, fresh));
        assertTrue(AssistantLifecycle.showsActivationPrompt(eligible,
                inactive.withState(AssistantState.TRAINING, clock.instant(), "mobile"), fresh));
        assertFalse(AssistantLifecycle.showsActivationPrompt(eligible, inactive, returning));
        assertFalse(AssistantLifecycle.showsActivationPrompt(notEligible, inactive, fresh));
        assertFalse(AssistantLifecycle.showsActivationPrompt(Optional.empty(), inactive, fresh));
        for (AssistantState activated : List.of(AssistantState.ACTIVE, AssistantState.PAUSED)) {
            assertFalse(AssistantLifecycle.showsActivationPrompt(eligible,
                    inactive.withState(activated, clock.instant(), "mobile"), fresh));
        }
    }

    // ---- PA-LIM-1: trying before activation ------------------------------------------------------

    @Test
    @DisplayName("PA-LIM-1 before activation the seller may try the assistant 5 times; the 6th is 429 TRY_LIMIT_REACHED")
    void fiveTries() {
        for (int i = 1; i <= AssistantTrial.TRY_LIMIT; i++) {
            AssistantTrial.Reply reply = trial.tryOut(SELLER, "How much is a logo?");
            assertTrue(reply.text().contains("$50.00"), reply.text());
            assertEquals("en", reply.language());
            assertEquals(AssistantTrial.TRY_LIMIT - i, reply.triesLeft());
        }
        DomainException e = assertThrows(DomainException.class, () -> trial.tryOut(SELLER, "One more?"));
        assertEquals("TRY_LIMIT_REACHED", e.code());
        assertEquals(DomainException.Kind.LIMIT, e.kind());
        assertEquals(AssistantTrial.TRY_LIMIT, contexts.size());
    }

    @Test
    @DisplayName("PA-LIM-1 a try the model could not answer is given back: it does not count toward the 5")
    void failedTryIsNotCounted() {
        AssistantTrial failing = new AssistantTrial(sellers, app.go.testing.LanguageModels.answering(context -> {
            throw new app.go.domain.port.LanguageModelException(app.go.domain.port.LanguageModelException.Reason.UNAVAILABLE, "down", null);
        }), clock);
        assertThrows(app.go.domain.port.LanguageModelException.class, () -> failing.tryOut(SELLER, "How much is a logo?"));
        assertEquals(0, sellers.assistantTries(SELLER));
        assertEquals(AssistantTrial.TRY_LIMIT - 1, trial.tryOut(SELLER, "How much is a logo?").triesLeft());
    }

    @Test
    @DisplayName("PA-LIM-1 a try uses the same prompt as a real reply: the assistant's name, the seller's sources, the client's language")
    void tryUsesTheRealPrompt() {
        settings.update(SELLER, "desktop", new AssistantSettingsService.Change("Pixel", null, null, null));
        AssistantTrial.Reply reply = trial.tryOut(SELLER, "Hallo, wie viel kostet ein Logo?");
        assertEquals("de", reply.language());
        Prompt prompt = PromptBuilder.build(contexts.get(0));
        assertTrue(prompt.system().startsWith("You are Pixel, the assistant of Ada"), prompt.system());
        assertTrue(prompt.system().contains(PromptBuilder.LANGUAGE_PREFIX + "de"));
        assertTrue(prompt.system().contains("Logo design"));
        assertEquals("Hallo, wie viel kostet ein Logo?", prompt.turns().get(0).text());
    }

    @Test
    @DisplayName("PA-LIM-1 trying is for before activation (TRAINING counts as before), and for eligible sellers")
    void tryOnlyBeforeActivation() {
        sellers.saveAssistant(SELLER, AssistantSettings.initial().withState(AssistantState.TRAINING, clock.instant(), "mobile"));
        trial.tryOut(SELLER, "Hi");
        lifecycle.activate(SELLER, "mobile");
        assertCode("ASSISTANT_ALREADY_ACTIVATED", () -> trial.tryOut(SELLER, "Hi"));
        lifecycle.pause(SELLER, "mobile");
        assertCode("ASSISTANT_ALREADY_ACTIVATED", () -> trial.tryOut(SELLER, "Hi"));
        sellers.saveAccount(new SellerAccount("s-2", 1, false, "UTC", false));
        assertCode("NOT_ELIGIBLE", () -> trial.tryOut("s-2", "Hi"));
        assertEquals(1, sellers.assistantTries(SELLER));
    }

    // ---- PA-BEH-3: handoff tuning ----------------------------------------------------------------

    private SellerHandoff.Decision decide(String reason) {
        Conversation c = start("c-" + reason);
        String messageId = conversationStore.messages(c).get(0).messageId();
        return new SellerHandoff(conversationStore, sellers, offline, new InMemoryIdempotencyStore(), clock)
                .decide(SELLER, c.conversationId(), messageId, List.of(reason));
    }

    @Test
    @DisplayName("PA-BEH-3 by default the seller is called in for custom offers, complex requests and when asked for, with a 1 h follow-up")
    void defaultHandoff() {
        for (String reason : List.of("CUSTOM_OFFER", "COMPLEX_REQUEST", "ASKED_FOR_SELLER")) {
            SellerHandoff.Decision decision = decide(reason);
            assertTrue(decision.handoff(), reason);
            assertEquals(3_600, decision.followUpAfterSeconds());
        }
    }

    @Test
    @DisplayName("PA-BEH-3 the seller can turn off handoff for custom offers and complex requests and tune the follow-up wait")
    void tunedHandoff() {
        settings.update(SELLER, "desktop", new AssistantSettingsService.Change(null, null, null, new HandoffSettings(false, false, 30)));
        assertFalse(decide("CUSTOM_OFFER").handoff());
        assertFalse(decide("COMPLEX_REQUEST").handoff());
        SellerHandoff.Decision asked = decide("ASKED_FOR_SELLER");
        assertTrue(asked.handoff());
        assertEquals(List.of("ASKED_FOR_SELLER"), asked.reasons());
        assertEquals(1_800, asked.followUpAfterSeconds());

        settings.update(SELLER, "desktop", new AssistantSettingsService.Change(null, null, null, new HandoffSettings(true, false, 1_440)));
        SellerHandoff.Decision offer = decide("CUSTOM_OFFER");
        assertTrue(offer.handoff());
        assertEquals(86_400, offer.followUpAfterSeconds());
        assertFalse(decide("COMPLEX_REQUEST").handoff());
    }
}
