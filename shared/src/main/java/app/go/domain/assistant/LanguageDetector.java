package app.go.domain.assistant;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

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
    /** A message this short (in words) is told by one function word ("hola", "selam", "tack"). */
    private static final int TINY = 3;
    private static final Pattern WORDS = Pattern.compile("[^\\p{L}\\p{M}\\p{Nd}']+");
    private static final Pattern REPEATED = Pattern.compile("(\\p{L})\\1+$");

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
        Map<String, Integer> hits = FunctionWords.hits(text);
        String romanized = romanized(hits);
        if (romanized != null) {
            return new Guess(romanized, UNSURE);
        }
        if (confidence < UNSURE) {
            String byWords = byFunctionWords(text);
            // n-grams of a message of a few words say nothing; of a longer one, the words must agree with one of lingua's best
            if (byWords != null && !byWords.equals(language) && (top.contains(byWords) || words(text).size() <= TINY)
                    && hits.getOrDefault(byWords, 0) > hits.getOrDefault(language, 0)) {
                return new Guess(byWords, UNSURE);
            }
        }
        return new Guess(language, confidence);
    }

    /**
     * For messages too short for n-grams ("How much is a logo?", "holaa 😊"): the language whose
     * most common words ({@value FunctionWords#RESOURCE}) the message uses most, at least twice (once
     * in a message of a few words), if exactly one does.
     */
    static String byFunctionWords(String text) {
        Map<String, Integer> hits = FunctionWords.hits(text);
        int needed = words(text).size() <= TINY ? 1 : 2;
        String found = null;
        int best = 0;
        boolean tie = false;
        for (Map.Entry<String, Integer> language : hits.entrySet()) {
            if (language.getValue() > best) {
                found = language.getKey();
                best = language.getValue();
                tie = false;
            } else if (language.getValue() == best) {
                tie = true;
            }
        }
        return found != null && !tie && best >= needed ? found : null;
    }

    /**
     * Hindi or Arabic written in Latin letters ("kya aap bot ho?", "kam se3r el premium?"), which
     * n-grams of Latin-script languages cannot tell: their words outnumber every other language's.
     */
    private static String romanized(Map<String, Integer> hits) {
        for (Map.Entry<String, Integer> candidate : hits.entrySet()) {
            boolean latinOfAnother = candidate.getKey().contains("-");
            if (latinOfAnother && candidate.getValue() >= 2 && hits.entrySet().stream()
                    .allMatch(other -> other == candidate || other.getValue() < candidate.getValue())) {
                return candidate.getKey().substring(0, candidate.getKey().indexOf('-'));
            }
        }
        return null;
    }

    private static List<String> words(String text) {
        return java.util.Arrays.stream(WORDS.split(text.toLowerCase(Locale.ROOT))).filter(w -> !w.isEmpty()).toList();
    }

    /** The function words per language, as data; a word with a letter drawn out ("hiii", "holaa") counts as the word. */
    static final class FunctionWords {
        static final String RESOURCE = "/assistant/function-words.json";
        private static final Map<String, java.util.Set<String>> WORDS_BY_LANGUAGE = load();

        static Map<String, Integer> hits(String text) {
            Map<String, Integer> hits = new java.util.TreeMap<>();
            for (String word : words(text)) {
                String plain = REPEATED.matcher(word).replaceAll("$1");
                WORDS_BY_LANGUAGE.forEach((language, known) -> {
                    if (known.contains(word) || known.contains(plain)) {
                        hits.merge(language, 1, Integer::sum);
                    }
                });
            }
            return hits;
        }

        private static Map<String, java.util.Set<String>> load() {
            try (java.io.InputStream in = LanguageDetector.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + RESOURCE);
                }
                Map<String, java.util.Set<String>> words = new java.util.TreeMap<>();
                app.go.support.json.Json.MAPPER.readTree(in).fields().forEachRemaining(e -> {
                    if (!e.getKey().startsWith("_")) {
                        java.util.Set<String> set = new java.util.HashSet<>();
                        e.getValue().forEach(w -> set.add(w.asText().toLowerCase(Locale.ROOT)));
                        words.put(e.getKey(), java.util.Set.copyOf(set));
                    }
                });
                return Map.copyOf(words);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
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
