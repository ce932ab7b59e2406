package app.go.domain.assistant;

import app.go.domain.seller.FollowUpCase;
import app.go.support.json.Json;
import com.fasterxml.jackson.core.type.TypeReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The handoff brief's labels and the follow-ups exist in every language the assistant replies in. */
class HandoffTextsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[A-Za-z]+}");

    static Set<String> replyLanguages() {
        return new TreeSet<>(AssistantPhrases.languages());
    }

    static List<String> otherLanguages() {
        return replyLanguages().stream().filter(l -> !l.equals("en")).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replyLanguages")
    @DisplayName("PA-BEH-5 PA-BEH-6 every brief label and follow-up exists in each reply language, placeholders intact")
    void everyKeyInEveryReplyLanguage(String language) throws IOException {
        Map<String, Map<String, String>> texts = briefTexts();
        Map<String, String> english = texts.get("en");
        Map<String, String> translated = texts.get(language);
        assertNotNull(translated, "brief.json has no \"" + language + "\" although the assistant replies in it");

        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> entry : english.entrySet()) {
            String text = translated.get(entry.getKey());
            if (text == null || text.isBlank()) {
                problems.add("missing " + entry.getKey());
            } else if (!placeholders(text).equals(placeholders(entry.getValue()))) {
                problems.add(entry.getKey() + " has " + placeholders(text) + " instead of " + placeholders(entry.getValue()));
            }
        }
        translated.keySet().stream().filter(k -> !english.containsKey(k)).forEach(k -> problems.add("unknown key " + k));
        assertEquals(List.of(), problems, language);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherLanguages")
    @DisplayName("PA-BEH-6 the unanswered and not-forwarded follow-ups reach the client in their language, naming the seller")
    void followUpsInTheClientsLanguage(String language) {
        for (FollowUpCase followUpCase : List.of(FollowUpCase.UNANSWERED, FollowUpCase.NOT_FORWARDED)) {
            String text = SellerHandoff.followUpText(followUpCase, language, "Mira Sol");

            assertTrue(text.contains("Mira Sol"), followUpCase + " in " + language + ": " + text);
            assertTrue(PLACEHOLDER.matcher(text).results().findAny().isEmpty(), text);
            assertNotEquals(SellerHandoff.followUpText(followUpCase, "en", "Mira Sol"), text,
                    followUpCase + " in " + language + " falls back to English");
        }
        assertNotEquals(SellerHandoff.followUpText("en"), SellerHandoff.followUpText(language), "SELLER_NOT_JOINED in " + language);
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    private static Map<String, Map<String, String>> briefTexts() throws IOException {
        try (InputStream in = HandoffBrief.class.getResourceAsStream(HandoffBrief.RESOURCE)) {
            assertNotNull(in, HandoffBrief.RESOURCE);
            Map<String, Object> raw = Json.MAPPER.readValue(in, new TypeReference<Map<String, Object>>() {});
            raw.remove("_about");
            return Json.MAPPER.convertValue(raw, new TypeReference<Map<String, Map<String, String>>>() {});
        }
    }
}
