package app.go.local.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Personal Assistant's settings and "when it answers" through the HTTP API: schedule windows on
 * the test clock, out of office, deactivation, the try limit, the mobile/desktop split and names.
 * Each test uses its own seller; 2026-03-09 is a Monday, Berlin is UTC+1.
 */
class AssistantSettingsEndToEndTest extends LocalSystemTest {
    private static final Duration ASYNC = Duration.ofSeconds(20);
    /** How long a message the assistant must not answer is given to (wrongly) get an answer. */
    private static final long QUIET_MILLIS = 1_500;
    private static final Map<String, String> DESKTOP = Map.of("X-Client-Platform", "desktop");

    AssistantSettingsEndToEndTest() {
        super("2026-03-09T07:00:00Z");
    }

    /** An eligible seller with a profile and a service; returns the seller's token. */
    private String seller(String sellerId, boolean activate) {
        String token = assistantSeller(sellerId, Map.of("displayName", "Ada",
                "description", "Logo designer", "skills", List.of("logo design"), "languages", List.of("English")),
                Map.of("title", "Logo design", "description", "A modern logo", "packages",
                        List.of(Map.of("name", "Basic", "priceCents", 5000, "deliveryDays", 3, "revisions", 1))));
        if (activate) {
            activateAssistant(token);
        }
        return token;
    }

    private record Chat(String conversationId, String clientToken) {}

    private Chat clientWrites(String sellerId, String clientId, String text) {
        String client = api.token(clientId, "client");
        LocalApiClient.Response started = api.call("POST", "/conversations", client,
                Map.of("sellerId", sellerId, "serviceId", "logo", "text", text));
        assertEquals(201, started.status(), started.body().toString());
        return new Chat(started.body().get("conversationId").asText(), client);
    }

    private static List<JsonNode> messages(JsonNode body) {
        return StreamSupport.stream(body.get("messages").spliterator(), false).toList();
    }

    private void assertAnswered(Chat chat) {
        List<JsonNode> messages = messages(api.await("/conversations/" + chat.conversationId() + "/messages",
                chat.clientToken(), b -> messages(b).size() >= 2, ASYNC).body());
        assertEquals("ASSISTANT", messages.get(1).get("author").asText());
    }

    private void assertNotAnswered(Chat chat) throws InterruptedException {
        Thread.sleep(QUIET_MILLIS);
        JsonNode body = api.call("GET", "/conversations/" + chat.conversationId() + "/messages", chat.clientToken(), null).body();
        assertEquals(1, messages(body).size(), body.toString());
    }

    private static JsonNode inboxItem(JsonNode inbox, String conversationId) {
        return StreamSupport.stream(inbox.get("conversations").spliterator(), false)
                .filter(c -> c.get("conversationId").asText().equals(conversationId)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("PA-AV-3 a custom schedule on the test clock: a message inside the seller's window is answered, one outside is not")
    void scheduleWindow() throws Exception {
        String seller = seller("s-sched", true);
        LocalApiClient.Response saved = api.call("PUT", "/sellers/me/assistant", seller, Map.of("availability",
                Map.of("mode", "SCHEDULE", "schedule", Map.of("MONDAY", Map.of("from", "09:00", "to", "12:00")))), DESKTOP);
        assertEquals(200, saved.status(), saved.body().toString());
        assertEquals("SCHEDULE", saved.body().at("/availability/mode").asText());
        assertEquals("09:00", saved.body().at("/availability/schedule/MONDAY/from").asText());

        clockAt("2026-03-09T08:30:00Z"); // Monday 09:30 in Berlin
        assertAnswered(clientWrites("s-sched", "c-sched-1", "Hi, how much is a logo?"));
        clockAt("2026-03-09T11:30:00Z"); // Monday 12:30 in Berlin
        assertNotAnswered(clientWrites("s-sched", "c-sched-2", "Hi, how much is a logo?"));
    }

    @Test
    @DisplayName("PA-AV-3 schedule validation: an unknown day, two windows on a day, from not before to are 400 VALIDATION_FAILED naming the field")
    void scheduleValidation() {
        String seller = seller("s-valid", false);
        Map<String, Object[]> cases = Map.of(
                "availability.schedule.FUNDAY", new Object[] {Map.of("FUNDAY", Map.of("from", "09:00", "to", "17:00"))},
                "availability.schedule.MONDAY", new Object[] {Map.of("MONDAY", List.of(Map.of("from", "09:00", "to", "12:00"),
                        Map.of("from", "13:00", "to", "17:00")))},
                "availability.schedule.TUESDAY.from", new Object[] {Map.of("TUESDAY", Map.of("from", "17:00", "to", "09:00"))},
                "availability.schedule.FRIDAY.to", new Object[] {Map.of("FRIDAY", Map.of("from", "09:00", "to", "25:00"))});
        cases.forEach((field, schedule) -> {
            LocalApiClient.Response response = api.call("PUT", "/sellers/me/assistant", seller,
                    Map.of("availability", Map.of("mode", "SCHEDULE", "schedule", schedule[0])), DESKTOP);
            assertEquals(400, response.status(), field);
            assertEquals("VALIDATION_FAILED", response.body().get("code").asText());
            assertTrue(response.body().get("detail").asText().contains(field), response.body().toString());
        });
        assertEquals("ALWAYS", api.call("GET", "/sellers/me/assistant", seller, null).body().at("/availability/mode").asText());
    }

    @Test
    @DisplayName("PA-ACT-4 out of office the assistant answers nothing; back in office it answers again")
    void outOfOffice() throws Exception {
        String seller = seller("s-ooo", true);
        LocalApiClient.Response away = api.call("PUT", "/sellers/me/presence", seller, Map.of("online", false, "outOfOffice", true));
        assertEquals(200, away.status(), away.body().toString());
        assertTrue(away.body().get("outOfOffice").asBoolean());
        assertNotAnswered(clientWrites("s-ooo", "c-ooo-1", "Hello, anyone there?"));

        api.call("PUT", "/sellers/me/presence", seller, Map.of("online", false, "outOfOffice", false));
        assertAnswered(clientWrites("s-ooo", "c-ooo-2", "Hello, anyone there?"));
    }

    @Test
    @DisplayName("PA-AV-2 when offline: the assistant answers while the seller is offline, not while online")
    void whenOffline() throws Exception {
        String seller = seller("s-offline", true);
        assertEquals(200, api.call("PUT", "/sellers/me/assistant", seller,
                Map.of("availability", Map.of("mode", "WHEN_OFFLINE")), DESKTOP).status());
        api.call("PUT", "/sellers/me/presence", seller, Map.of("online", true));
        assertNotAnswered(clientWrites("s-offline", "c-off-1", "Hi"));
        api.call("PUT", "/sellers/me/presence", seller, Map.of("online", false));
        assertAnswered(clientWrites("s-offline", "c-off-2", "Hi"));
    }

    @Test
    @DisplayName("PA-ACT-6 deactivating moves the assistant's conversations to the seller and keeps the settings")
    void deactivateMovesConversations() {
        String seller = seller("s-deac", true);
        assertEquals(200, api.call("PUT", "/sellers/me/assistant", seller, Map.of("name", "Pixel"), DESKTOP).status());
        Chat chat = clientWrites("s-deac", "c-deac-1", "Hi, I need a logo");
        assertAnswered(chat);
        assertEquals("ASSISTANT", inboxItem(api.call("GET", "/sellers/me/inbox", seller, null).body(),
                chat.conversationId()).get("handledBy").asText());

        LocalApiClient.Response off = api.call("POST", "/sellers/me/assistant/deactivate", seller, null, MOBILE);
        assertEquals(200, off.status(), off.body().toString());
        assertEquals(1, off.body().get("movedToSeller").asInt());
        assertEquals("INACTIVE", off.body().get("state").asText());
        assertEquals("Pixel", off.body().get("name").asText());
        assertEquals("mobile", off.body().get("updatedFrom").asText());
        assertEquals("SELLER", inboxItem(api.call("GET", "/sellers/me/inbox", seller, null).body(),
                chat.conversationId()).get("handledBy").asText());
    }

    @Test
    @DisplayName("PA-ACT-5 pause and resume through the API: pause keeps ongoing conversations, resume brings the assistant back")
    void pauseAndResume() throws Exception {
        String seller = seller("s-pause", true);
        Chat ongoing = clientWrites("s-pause", "c-pause-1", "Hi");
        assertAnswered(ongoing);
        assertEquals("PAUSED", api.call("POST", "/sellers/me/assistant/pause", seller, null, MOBILE).body().get("state").asText());
        assertNotAnswered(clientWrites("s-pause", "c-pause-2", "Hi"));
        api.call("POST", "/conversations/" + ongoing.conversationId() + "/messages", ongoing.clientToken(), Map.of("text", "And the price?"));
        api.await("/conversations/" + ongoing.conversationId() + "/messages", ongoing.clientToken(), b -> messages(b).size() >= 4, ASYNC);
        assertEquals("ACTIVE", api.call("POST", "/sellers/me/assistant/resume", seller, null, MOBILE).body().get("state").asText());
        assertAnswered(clientWrites("s-pause", "c-pause-3", "Hi"));
    }

    @Test
    @DisplayName("PA-LIM-1 before activation the seller may try the assistant 5 times; the 6th try is 429 TRY_LIMIT_REACHED")
    void tryLimit() {
        String seller = seller("s-try", false);
        LocalApiClient.Response first = api.call("POST", "/sellers/me/assistant/try", seller,
                Map.of("text", "How much is a logo?"), Map.of("Idempotency-Key", "try-1"));
        assertEquals(200, first.status(), first.body().toString());
        assertTrue(first.body().at("/reply/text").asText().contains("$50.00"), first.body().toString());
        assertEquals("en", first.body().at("/reply/language").asText());
        // a retry with the same key replays the answer and spends no try
        assertEquals(first.body(), api.call("POST", "/sellers/me/assistant/try", seller,
                Map.of("text", "How much is a logo?"), Map.of("Idempotency-Key", "try-1")).body());
        for (int i = 2; i <= 5; i++) {
            LocalApiClient.Response next = api.call("POST", "/sellers/me/assistant/try", seller, Map.of("text", "Hola, ¿cuánto cuesta?"));
            assertEquals(200, next.status(), next.body().toString());
            assertEquals(5 - i, next.body().get("triesLeft").asInt());
        }
        LocalApiClient.Response sixth = api.call("POST", "/sellers/me/assistant/try", seller, Map.of("text", "One more?"));
        assertEquals(429, sixth.status());
        assertEquals("TRY_LIMIT_REACHED", sixth.body().get("code").asText());

        api.call("POST", "/sellers/me/assistant/activate", seller, null, MOBILE);
        assertEquals(409, api.call("POST", "/sellers/me/assistant/try", seller, Map.of("text", "Hi")).status());
    }

    @Test
    @DisplayName("PA-ACT-7 on/off is mobile only (403 MOBILE_ONLY), every other setting desktop only (403 DESKTOP_ONLY); the change records its platform")
    void mobileDesktopSplit() {
        String seller = seller("s-split", false);
        for (String action : List.of("activate", "pause", "resume", "deactivate")) {
            LocalApiClient.Response fromDesktop = api.call("POST", "/sellers/me/assistant/" + action, seller, null, DESKTOP);
            assertEquals(403, fromDesktop.status(), action);
            assertEquals("MOBILE_ONLY", fromDesktop.body().get("code").asText());
            assertEquals(403, api.call("POST", "/sellers/me/assistant/" + action, seller, null).status(), action);
        }
        Map<String, Object> rename = Map.of("name", "Pixel");
        LocalApiClient.Response fromMobile = api.call("PUT", "/sellers/me/assistant", seller, rename, MOBILE);
        assertEquals(403, fromMobile.status());
        assertEquals("DESKTOP_ONLY", fromMobile.body().get("code").asText());
        assertEquals(403, api.call("PUT", "/sellers/me/assistant", seller, rename).status());

        LocalApiClient.Response fromDesktop = api.call("PUT", "/sellers/me/assistant", seller, rename, DESKTOP);
        assertEquals(200, fromDesktop.status());
        assertEquals("desktop", fromDesktop.body().get("updatedFrom").asText());
        LocalApiClient.Response on = api.call("POST", "/sellers/me/assistant/activate", seller, null, MOBILE);
        assertEquals("mobile", on.body().get("updatedFrom").asText());
        assertEquals("ACTIVE", on.body().get("state").asText());
    }

    @Test
    @DisplayName("PA-ACT-7 knowledge-base save, restore-defaults and try are desktop actions: the mobile app gets 403 DESKTOP_ONLY and nothing changes")
    void knowledgeAndTriesRefuseTheMobileApp() {
        String seller = seller("s-split-kb", false);
        Map<String, Object> entries = Map.of("entries", List.of(Map.of("question", "Do you work weekends?", "answer", "No.")));
        List<LocalApiClient.Response> refused = List.of(
                api.call("PUT", "/sellers/me/assistant/knowledge", seller, entries, MOBILE),
                api.call("POST", "/sellers/me/assistant/knowledge/restore-defaults", seller, null, MOBILE),
                api.call("POST", "/sellers/me/assistant/try", seller, Map.of("text", "Hi, how much is a logo?"), MOBILE));
        for (LocalApiClient.Response response : refused) {
            assertEquals(403, response.status(), response.body().toString());
            assertEquals("DESKTOP_ONLY", response.body().get("code").asText());
        }
        JsonNode knowledge = api.call("GET", "/sellers/me/assistant/knowledge", seller, null, MOBILE).body();
        assertFalse(knowledge.toString().contains("weekends"), "nothing saved from the mobile app");
        assertEquals(200, api.call("PUT", "/sellers/me/assistant/knowledge", seller, entries, DESKTOP).status());
        assertEquals(200, api.call("POST", "/sellers/me/assistant/try", seller, Map.of("text", "Hi, how much is a logo?"), DESKTOP).status());
    }

    @Test
    @DisplayName("NAME-2 an offensive, impersonating or look-alike name is 422 NAME_REJECTED with the reason; a fine name is saved")
    void nameRejected() {
        String seller = seller("s-name", false);
        for (String name : List.of("Supp0rt", "\uFF21\uFF44\uFF4D\uFF49\uFF4E", "Go", "Off\u200Bicial", "Idiot Bot")) {
            LocalApiClient.Response rejected = api.call("PUT", "/sellers/me/assistant", seller, Map.of("name", name), DESKTOP);
            assertEquals(422, rejected.status(), name);
            assertEquals("NAME_REJECTED", rejected.body().get("code").asText());
            assertFalse(rejected.body().get("detail").asText().isBlank());
        }
        LocalApiClient.Response saved = api.call("PUT", "/sellers/me/assistant", seller,
                Map.of("name", "Gordon", "avatar", "https://example.com/me.png"), DESKTOP);
        assertEquals(200, saved.status());
        assertEquals("Gordon", saved.body().get("name").asText());
        assertFalse(saved.body().has("avatar"));
    }

    @Test
    @DisplayName("PA-AV-4 PA-BEH-3 excluded client types and handoff tuning are saved and shown")
    void clientTypesAndHandoff() throws Exception {
        String seller = seller("s-types", true);
        LocalApiClient.Response saved = api.call("PUT", "/sellers/me/assistant", seller, Map.of("excludedClientTypes", List.of("PRO"),
                "handoff", Map.of("onCustomOffer", false, "followUpAfterMinutes", 30)), DESKTOP);
        assertEquals(200, saved.status(), saved.body().toString());
        assertEquals("PRO", saved.body().at("/excludedClientTypes/0").asText());
        assertFalse(saved.body().at("/handoff/onCustomOffer").asBoolean());
        assertTrue(saved.body().at("/handoff/onComplexRequest").asBoolean());
        assertEquals(30, saved.body().at("/handoff/followUpAfterMinutes").asInt());
        assertEquals(400, api.call("PUT", "/sellers/me/assistant", seller,
                Map.of("handoff", Map.of("followUpAfterMinutes", 5)), DESKTOP).status());

        api.call("PUT", "/platform/sellers/s-types/clients/c-pro", platform, Map.of("clientType", "PRO", "hasOrdered", false));
        assertNotAnswered(clientWrites("s-types", "c-pro", "Hi"));
        assertAnswered(clientWrites("s-types", "c-standard", "Hi"));
    }

    @Test
    @DisplayName("PA-LIM-2 PA-ACT-2 the settings show messagesToday and the daily limit; a not-yet-activated seller's inbox carries the activation prompt")
    void dailyCountAndActivationPrompt() {
        String seller = seller("s-count", true);
        Chat answered = clientWrites("s-count", "c-count-1", "Hi");
        assertAnswered(answered);
        JsonNode settings = api.await("/sellers/me/assistant", seller, b -> b.get("messagesToday").asInt() >= 1, ASYNC).body();
        assertEquals(1, settings.get("messagesToday").asInt());
        assertEquals(50, settings.get("dailyLimit").asInt());

        String notActivated = seller("s-prompt", false);
        Chat chat = clientWrites("s-prompt", "c-prompt-1", "Hi");
        assertTrue(inboxItem(api.call("GET", "/sellers/me/inbox", notActivated, null).body(), chat.conversationId())
                .get("activationPrompt").asBoolean());
        assertFalse(inboxItem(api.call("GET", "/sellers/me/inbox", seller, null).body(), answered.conversationId())
                .get("activationPrompt").asBoolean());
    }
}
