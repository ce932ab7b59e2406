package app.go.domain.safety;

import app.go.domain.assistant.AssistantPhrases;
import app.go.domain.assistant.LocalizedMoney;
import app.go.domain.knowledge.PersonalData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reply policy keeps what a legitimate reply says and still replaces what moves a client off the marketplace. */
class ReplyPolicyLegitimateRepliesTest {
    private static final long[] CENTS = {4500, 13550, 125000};
    private static final Set<Long> PRICES = Set.of(4500L, 13550L, 125000L);

    @Test
    @DisplayName("PA-KB-5 / PA-FAQ-3 every sentence the assistant writes (requirement questions with budget, listed prices in each locale) passes unchanged, formal and informal")
    void assistantPhrasesPassInEveryLanguage() {
        List<String> changed = new ArrayList<>();
        for (String language : AssistantPhrases.languages()) {
            for (boolean informal : new boolean[] {false, true}) {
                List<String> items = new ArrayList<>();
                for (String key : List.of("what", "scope", "deadline", "budget", "references")) {
                    items.add(AssistantPhrases.text(language, key, Map.of(), informal));
                }
                List<String> texts = new ArrayList<>();
                texts.add(AssistantPhrases.text(language, "askIntro", Map.of("seller", "Ana", "items", String.join(", ", items)), informal));
                texts.add(AssistantPhrases.text(language, "askIntro", Map.of("seller", "Ana", "items", items.get(3)), informal));
                for (String key : List.of("greeting", "ack", "handover", "notForwarded", "offPlatform", "unknown")) {
                    texts.add(AssistantPhrases.text(language, key, Map.of("seller", "Ana"), informal));
                }
                for (long cents : CENTS) {
                    Map<String, String> values = Map.of("package", "Standard", "service", "Logo design", "price", LocalizedMoney.format(cents, language),
                            "days", LocalizedMoney.number(4, language), "revisions", LocalizedMoney.number(3, language),
                            "description", "4 logo concepts, vector files (SVG, AI, PDF).");
                    for (String key : List.of("price", "delivery", "revisions", "includes")) {
                        texts.add(AssistantPhrases.text(language, key, values, informal));
                    }
                }
                for (String text : texts) {
                    if (!ReplyPolicy.apply(text, language, PRICES).equals(text)) {
                        changed.add(language + ": " + text);
                    }
                }
            }
        }
        assertEquals(List.of(), changed);
    }

    @Test
    @DisplayName("PA-SAFE-1 a channel named as where a design is shown is a format; asked for as a contact it is still replaced")
    void channelAsDisplayFormat() {
        String format = "Yes. Every package includes a square version at 1080 x 1080 px for Instagram and other social profiles.";
        assertEquals(format, ReplyPolicy.apply(format, "en", PRICES));
        assertTrue(ReplyPolicy.allowed("El logo funciona como foto de perfil de WhatsApp.", PRICES));
        for (String contact : List.of("Message me on Instagram and we can talk there.", "Add me on Instagram for more profile pictures.",
                "My Instagram is @ana.designs, the square version is there.", "Schreib mir auf WhatsApp.", "Let's continue on Telegram.")) {
            assertNotEquals(contact, ReplyPolicy.apply(contact, "en", PRICES), contact);
        }
    }

    @Test
    @DisplayName("PA-SRC-1 personal data is judged sentence by sentence: a payment word in one and \"directly here\" in the next is no payment route")
    void personalDataPerSentence() {
        assertFalse(PersonalData.contains("Zu Ihrem Schutz bleibt jede Zahlung hier auf dem Marktplatz. Ich helfe Ihnen gern direkt hier weiter!"));
        assertTrue(PersonalData.contains("Danke! Zahl mir das bitte direkt per PayPal."));
        assertTrue(PersonalData.contains("Hi. Write me at ana@example.com."));
    }
}
