package app.go.domain.assistant;

import app.go.support.json.Json;
import com.fasterxml.jackson.core.type.TypeReference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;

/**
 * The assistant's own sentences in every language it replies in ({@value #RESOURCE}), so a reply is
 * entirely in the client's language; English for a language without them.
 */
public final class AssistantPhrases {
    static final String RESOURCE = "/assistant/phrases.json";
    private static final Map<String, Map<String, String>> PHRASES = load();

    private AssistantPhrases() {}

    /** The languages with phrases of their own (BCP-47 primary tags). */
    public static Set<String> languages() {
        return PHRASES.keySet();
    }

    public static boolean supports(String language) {
        return PHRASES.containsKey(primary(language));
    }

    /** The phrase {@code key} in {@code language}, each {@code {name}} replaced by its value. */
    public static String text(String language, String key, Map<String, String> values) {
        return text(language, key, values, false);
    }

    /** With {@code informal}, the informal variant ({@code key.informal}: du, tu) where the language has one (PA-SRC-3). */
    public static String text(String language, String key, Map<String, String> values, boolean informal) {
        Map<String, String> phrases = PHRASES.getOrDefault(primary(language), PHRASES.get("en"));
        String template = informal && phrases.containsKey(key + ".informal") ? phrases.get(key + ".informal")
                : phrases.getOrDefault(key, PHRASES.get("en").get(key));
        if (template == null) {
            throw new IllegalArgumentException("no phrase " + key);
        }
        String text = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("{" + value.getKey() + "}", value.getValue());
        }
        return text;
    }

    public static String text(String language, String key) {
        return text(language, key, Map.of());
    }

    /** "en" for "en-GB"; the language a phrase set is kept under. */
    public static String primary(String language) {
        if (language == null || language.isBlank()) {
            return LanguageDetector.DEFAULT;
        }
        int dash = language.indexOf('-');
        return (dash < 0 ? language : language.substring(0, dash)).toLowerCase(java.util.Locale.ROOT);
    }

    private static Map<String, Map<String, String>> load() {
        try (InputStream in = AssistantPhrases.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            Map<String, Object> raw = Json.MAPPER.readValue(in, new TypeReference<Map<String, Object>>() {});
            raw.remove("_about");
            return Json.MAPPER.convertValue(raw, new TypeReference<Map<String, Map<String, String>>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
