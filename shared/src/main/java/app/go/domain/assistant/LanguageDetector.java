package app.go.domain.assistant;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * PA-BEH-2: guesses the client's language among those the assistant replies in; English when there
 * is nothing to go on. A script only one of them uses decides at once (Hangul, kana, Han, Devanagari,
 * Arabic); otherwise lingua decides, in low-accuracy mode among the supported languages (measured
 * against optimaize on the labelled set's short messages: see the README). The model's stated language wins
 * over this guess when the model is confident.
 */
public final class LanguageDetector {
    public static final String DEFAULT = "en";

    /** Below this, lingua's pick of a short message is checked against function words. */
    static final double UNSURE = 0.75;
    private static final Map<String, java.util.Set<String>> FUNCTION_WORDS = Map.of(
            "en", java.util.Set.of("the", "is", "and", "for", "with", "how", "much", "what", "you", "can", "do", "does", "i", "a", "my", "your", "it", "of", "to", "are"),
            "es", java.util.Set.of("el", "la", "los", "las", "que", "es", "por", "para", "con", "una", "cuánto", "cuanto", "mi", "tu", "de", "qué", "puedes", "hola"),
            "fr", java.util.Set.of("le", "les", "est", "pour", "avec", "une", "je", "vous", "combien", "mon", "ma", "des", "du", "c'est", "est-ce", "bonjour"),
            "de", java.util.Set.of("der", "die", "das", "ist", "und", "für", "mit", "ich", "wie", "viel", "ein", "eine", "was", "du", "mein", "kostet", "hallo"));

    /** A detected language (BCP-47) and how sure the detector is (0..1). */
    public record Guess(String language, double confidence) {}

    private LanguageDetector() {}

    public static String detect(String text) {
        return guess(text).language();
    }

    public static Guess guess(String text) {
        if (text == null || text.codePoints().noneMatch(Character::isLetter)) {
            return new Guess(DEFAULT, 0);
        }
        String byScript = byScript(text);
        if (byScript != null) {
            return new Guess(byScript, 0.95);
        }
        java.util.SortedMap<Language, Double> values = Models.DETECTOR.computeLanguageConfidenceValues(text);
        if (values.isEmpty()) {
            return new Guess(DEFAULT, 0);
        }
        List<Map.Entry<Language, Double>> ranked = List.copyOf(values.entrySet());
        Map.Entry<Language, Double> best = ranked.get(0);
        double second = ranked.size() > 1 ? ranked.get(1).getValue() : 0;
        List<String> top = ranked.stream().limit(4).map(e -> e.getKey().getIsoCode639_1().toString().toLowerCase(Locale.ROOT)).toList();
        // lingua gives the best 1.0 and the others relative to it: the gap says how sure it is
        double confidence = 0.5 + 0.5 * Math.max(0, best.getValue() - second);
        String language = best.getKey().getIsoCode639_1().toString().toLowerCase(Locale.ROOT);
        if (confidence < UNSURE) {
            String byWords = byFunctionWords(text);
            if (byWords != null && !byWords.equals(language) && top.contains(byWords)) {
                return new Guess(byWords, UNSURE);
            }
        }
        return new Guess(language, confidence);
    }

    /**
     * For messages too short for n-grams ("How much is a logo?"): the language whose most common
     * words the message uses at least twice, if exactly one does.
     */
    static String byFunctionWords(String text) {
        String found = null;
        for (Map.Entry<String, java.util.Set<String>> language : FUNCTION_WORDS.entrySet()) {
            long hits = java.util.Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}']+")).filter(language.getValue()::contains).count();
            if (hits >= 2) {
                if (found != null) {
                    return null;
                }
                found = language.getKey();
            }
        }
        return found;
    }

    /** The language a script alone tells, among the supported ones; null when the script is shared (Latin, Cyrillic). */
    static String byScript(String text) {
        int letters = 0, hangul = 0, kana = 0, han = 0, devanagari = 0, arabic = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            letters++;
            switch (Character.UnicodeScript.of(cp)) {
                case HANGUL -> hangul++;
                case HIRAGANA, KATAKANA -> kana++;
                case HAN -> han++;
                case DEVANAGARI -> devanagari++;
                case ARABIC -> arabic++;
                default -> { }
            }
        }
        if (hangul * 3 > letters) return "ko";
        if (kana > 0 && (kana + han) * 3 > letters) return "ja";
        if (han * 3 > letters) return "zh";
        if (devanagari * 3 > letters) return "hi";
        if (arabic * 3 > letters) return "ar";
        return null;
    }

    /**
     * The ISO 639-1 codes whose n-gram models the detector loads (the scripts decided above need none);
     * the Lambda jars carry only these models, which a build test checks.
     */
    public static List<String> modelLanguages() {
        return AssistantPhrases.languages().stream()
                .filter(l -> !List.of("ko", "ja", "zh", "hi", "ar").contains(l)).sorted().toList();
    }

    /** Built on first use (and in the SnapStart priming): the n-gram models of the languages loaded lazily. */
    private static final class Models {
        static final com.github.pemistahl.lingua.api.LanguageDetector DETECTOR = build();

        private static com.github.pemistahl.lingua.api.LanguageDetector build() {
            Language[] languages = modelLanguages().stream()
                    .map(l -> Language.getByIsoCode639_1(IsoCode639_1.valueOf(l.toUpperCase(Locale.ROOT))))
                    .toArray(Language[]::new);
            return LanguageDetectorBuilder.fromLanguages(languages).withLowAccuracyMode().build();
        }
    }
}
