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
 * The assistant as a colleague, end to end on the local runtime: the handoff brief (PA-BEH-5), the
 * follow-ups of both state machine files on the test clock (PA-BEH-6), and the unanswered questions
 * and suggestions learned from the seller (PA-KB-3).
 */
class ColleagueEndToEndTest extends LocalSystemTest {
    private static final Duration ASYNC = Duration.ofSeconds(20);
    private static final Map<String, String> DESKTOP = Map.of("X-Client-Platform", "desktop");

    ColleagueEndToEndTest() {
        super("2026-03-10T09:00:00Z");
    }

    private String seller(String sellerId, List<String> languages) {
        String token = assistantSeller(sellerId, Map.of("displayName", "Mia", "description", "Logo designer",
                "skills", List.of("logo design"), "languages", languages), Map.of("title", "Logo design",
                "description", "A modern logo for your brand", "subcategory", "LOGO_DESIGN",
                "packages", List.of(Map.of("name", "Basic", "priceCents", 5000, "deliveryDays", 3, "revisions", 1))));
        activateAssistant(token);
        return token;
    }

    private static List<JsonNode> messages(JsonNode body) {
        return StreamSupport.stream(body.get("messages").spliterator(), false).toList();
    }

    private String start(String client, String sellerId, String text) {
        return ok(api.call("POST", "/conversations", client, Map.of("sellerId", sellerId, "text", text))).get("conversationId").asText();
    }

    private long followUps(String conversationId, String client) {
        return messages(api.call("GET", "/conversations/" + conversationId + "/messages", client, null).body()).stream()
                .filter(m -> m.get("id").asText().contains("-followup-")).count();
    }

    /**
     * Moves the test clock 5 minutes per poll until the conversation has the follow-up: the timer is
     * started asynchronously (after OnMessage handled the message), so one advance could come before it.
     */
    private JsonNode advanceUntilFollowUp(String conversationId, String client, String followUpCase) {
        return api.await("/conversations/" + conversationId + "/messages", client, b -> {
            boolean there = messages(b).stream().anyMatch(m -> m.get("id").asText().contains("-followup-" + followUpCase));
            if (!there) {
                api.call("POST", "/local/clock", null, Map.of("advance", "PT5M"));
            }
            return there;
        }, ASYNC).body();
    }

    @Test
    @DisplayName("PA-BEH-5 a handoff writes the brief from the structured turns: requirements quoted, missing, language, why; in the seller's and the client's language, in the summary and the HANDOFF notification")
    void handoffBrief() {
        String seller = seller("s-col-1", List.of("German", "English"));
        String client = api.token("c-col-1", "client");
        String conversationId = start(client, "s-col-1", "I need a logo for my bakery by Friday.");
        api.await("/conversations/" + conversationId + "/messages", client, b -> messages(b).size() >= 2, ASYNC);
        ok(api.call("POST", "/conversations/" + conversationId + "/messages", client,
                Map.of("text", "Could you make me a custom offer for five logos?")));

        JsonNode summary = api.await("/conversations/" + conversationId + "/summary", seller, b -> b.hasNonNull("brief"), ASYNC).body();
        JsonNode brief = summary.get("brief");
        assertEquals("en", brief.get("clientLanguage").asText());
        assertEquals("de", brief.get("sellerLanguage").asText());
        assertTrue(brief.get("requirements").toString().contains("\"requirement\":\"deadline\""), brief.toString());
        assertTrue(brief.get("missing").toString().contains("budget"), brief.toString());
        assertEquals("[\"CUSTOM_OFFER\"]", brief.get("handoffReasons").toString());
        assertTrue(brief.at("/texts/de").asText().contains("individuelles Angebot"), brief.toString());
        assertTrue(brief.at("/texts/en").asText().contains("custom offer"), brief.toString());
        JsonNode notifications = api.await("/sellers/me/notifications", seller, b -> b.toString().contains(conversationId), ASYNC).body();
        JsonNode handoff = StreamSupport.stream(notifications.spliterator(), false)
                .filter(n -> conversationId.equals(n.path("conversationId").asText())).findFirst().orElseThrow();
        assertEquals(summary.get("summary").asText(), handoff.get("summary").asText());
    }

    @Test
    @DisplayName("PA-BEH-6 not forwarded: the follow-up state machine follows up once after the seller's minutes on the test clock, in the client's language")
    void notForwardedFollowUp() {
        String seller = seller("s-col-2", List.of("English"));
        assertEquals(200, api.call("PUT", "/sellers/me/assistant", seller,
                Map.of("handoff", Map.of("onCustomOffer", false, "notForwardedFollowUpMinutes", 20)), DESKTOP).status());
        String client = api.token("c-col-2", "client");
        String conversationId = start(client, "s-col-2", "Could you make me a custom offer for five logos?");
        api.await("/conversations/" + conversationId + "/messages", client, b -> messages(b).size() >= 2, ASYNC);
        assertEquals(0, followUps(conversationId, client));

        JsonNode after = advanceUntilFollowUp(conversationId, client, "not_forwarded");
        JsonNode followUp = messages(after).get(messages(after).size() - 1);
        assertEquals("en", followUp.get("language").asText());
        assertTrue(followUp.get("text").asText().contains("Mia"), followUp.toString());
        api.call("POST", "/local/clock", null, Map.of("advance", "PT2H"));
        assertEquals(1, followUps(conversationId, client));
    }

    @Test
    @DisplayName("PA-BEH-6 unanswered: outside the assistant's availability the client is followed up once; none once the seller writes")
    void unansweredFollowUp() {
        String seller = seller("s-col-3", List.of("English"));
        assertEquals(200, api.call("PUT", "/sellers/me/assistant", seller,
                Map.of("availability", Map.of("mode", "WHEN_OFFLINE"), "handoff", Map.of("unansweredFollowUpMinutes", 15)), DESKTOP).status());
        api.call("PUT", "/sellers/me/presence", seller, Map.of("online", true));
        String client = api.token("c-col-3", "client");
        String quiet = start(client, "s-col-3", "How long does a logo take?");
        String answered = start(api.token("c-col-4", "client"), "s-col-3", "Do you do icons too?");
        ok(api.call("POST", "/conversations/" + answered + "/messages", seller, Map.of("text", "Yes, I do icons as well.")));

        advanceUntilFollowUp(quiet, client, "unanswered");
        api.call("POST", "/local/clock", null, Map.of("advance", "PT1H"));
        assertEquals(1, followUps(quiet, client));
        assertEquals(0, followUps(answered, api.token("c-col-4", "client")));
        api.call("PUT", "/sellers/me/presence", seller, Map.of("online", false));
    }

    @Test
    @DisplayName("PA-KB-3 questions the assistant could not answer are listed by frequency; the seller's answer becomes a suggestion with its source conversation, not a greeting pair")
    void unansweredAndLearning() {
        String seller = seller("s-col-5", List.of("English"));
        String first = start(api.token("c-col-5", "client"), "s-col-5", "Do you also print business cards?");
        String second = start(api.token("c-col-6", "client"), "s-col-5", "do you also PRINT business cards??");
        start(api.token("c-col-7", "client"), "s-col-5", "Hi there!");
        JsonNode listed = api.await("/sellers/me/assistant/unanswered", seller,
                b -> b.get("questions").size() > 0 && b.at("/questions/0/count").asInt() == 2, ASYNC).body();
        assertTrue(listed.at("/questions/0/conversationIds").toString().contains(first), listed.toString());
        assertFalse(listed.toString().contains("Hi there"), listed.toString());

        ok(api.call("POST", "/conversations/" + first + "/messages", seller, Map.of("text", "Yes, business cards are 20 USD extra per design.")));
        JsonNode knowledge = ok(api.call("GET", "/sellers/me/assistant/knowledge", seller, null));
        JsonNode suggestion = StreamSupport.stream(knowledge.get("suggestions").spliterator(), false).findFirst().orElseThrow();
        assertEquals("Do you also print business cards?", suggestion.get("question").asText());
        assertEquals(first, suggestion.get("sourceConversationId").asText());
        assertFalse(second.equals(suggestion.get("sourceConversationId").asText()));
    }

    @Test
    @DisplayName("PA-BEH-1 a conversation, not a form: one greeting, the client's last statement acknowledged, only missing requirements asked")
    void conversationNotForm() {
        seller("s-col-8", List.of("English"));
        String client = api.token("c-col-8", "client");
        String conversationId = start(client, "s-col-8", "I need a logo for my bakery");
        String path = "/conversations/" + conversationId + "/messages";
        api.await(path, client, b -> messages(b).size() >= 2, ASYNC);
        ok(api.call("POST", path, client, Map.of("text", "My budget is about $300 and I need it by Friday")));
        List<JsonNode> all = messages(api.await(path, client, b -> messages(b).size() >= 4, ASYNC).body());
        String first = all.get(1).get("text").asText();
        String second = all.get(3).get("text").asText();
        assertTrue(first.startsWith("Hi"), first);
        assertFalse(second.startsWith("Hi"), "no second greeting: " + second);
        assertTrue(second.startsWith("Thanks"), "acknowledges what the client said: " + second);
        assertFalse(second.contains("your budget") || second.contains("your deadline"), "not asked again: " + second);
        assertTrue(second.contains("size or scope"), "asks what is missing: " + second);
    }
}
