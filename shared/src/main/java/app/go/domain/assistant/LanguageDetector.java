package app.go.domain.assistant;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * PA-BEH-2: guesses the client's language so the reply uses it; English when unsure. Scripts decide
 * Arabic, Chinese and Russian; common function words decide among Latin-script languages.
 */
public final class LanguageDetector {
    public static final String DEFAULT = "en";

    private static final Map<String, Set<String>> FUNCTION_WORDS = Map.of(
            "es", Set.of("hola", "el", "la", "los", "las", "que", "es", "por", "para", "con", "una", "necesito", "cuánto", "cuanto", "precio", "gracias", "quiero"),
            "fr", Set.of("bonjour", "le", "les", "est", "pour", "avec", "une", "je", "vous", "besoin", "combien", "prix", "merci", "voudrais"),
            "de", Set.of("hallo", "der", "die", "das", "ist", "und", "für", "mit", "ich", "brauche", "wie", "viel", "preis", "danke", "möchte", "sie", "ein", "eine"),
            "en", Set.of("hello", "hi", "the", "is", "and", "for", "with", "need", "how", "much", "price", "thanks", "want", "you", "can", "a"));
    private static final List<String> LATIN_ORDER = List.of("en", "es", "fr", "de");

    private LanguageDetector() {}

    /** A detected language (BCP-47) and how sure the detector is (0..1). */
    public record Guess(String language, double confidence) {}

    public static Guess guess(String text) {
        return new Guess(detect(text), 0.5);
    }

    public static String detect(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT;
        }
        int arabic = 0, cjk = 0, cyrillic = 0, letters = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            letters++;
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (script == Character.UnicodeScript.ARABIC) arabic++;
            else if (script == Character.UnicodeScript.HAN) cjk++;
            else if (script == Character.UnicodeScript.CYRILLIC) cyrillic++;
        }
        if (letters == 0) return DEFAULT;
        if (arabic * 2 > letters) return "ar";
        if (cjk * 3 > letters) return "zh";
        if (cyrillic * 2 > letters) return "ru";
        String best = DEFAULT;
        int bestScore = 0;
        List<String> words = List.of(text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+"));
        for (String language : LATIN_ORDER) {
            int score = (int) words.stream().filter(FUNCTION_WORDS.get(language)::contains).count();
            if (score > bestScore) {
                best = language;
                bestScore = score;
            }
        }
        return best;
    }
}
