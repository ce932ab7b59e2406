package app.go.domain.knowledge;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * PA-SRC-3: the seller's tone, learned from their own replies: the greeting they use, how formal they
 * are (du/Sie, tu/vous, tú/usted), whether they use emoji, and how often they use exclamation marks.
 * The greeting comes from a fixed list, so no seller text reaches the prompt through the tone.
 */
public record ToneProfile(String greeting, String greetingLanguage, Formality formality, boolean emoji,
                          boolean frequentExclamations) {
    public static final ToneProfile NONE = new ToneProfile(null, null, Formality.UNKNOWN, false, false);

    public enum Formality { FORMAL, INFORMAL, UNKNOWN }

    /** Known greetings: the seller's word, how it is written, and its language. */
    private static final Map<String, String[]> GREETINGS = Map.ofEntries(
            Map.entry("hi", new String[]{"Hi", "en"}), Map.entry("hello", new String[]{"Hello", "en"}),
            Map.entry("hey", new String[]{"Hey", "en"}), Map.entry("hiya", new String[]{"Hiya", "en"}),
            Map.entry("howdy", new String[]{"Howdy", "en"}),
            Map.entry("hola", new String[]{"Hola", "es"}), Map.entry("buenas", new String[]{"Buenas", "es"}),
            Map.entry("bonjour", new String[]{"Bonjour", "fr"}), Map.entry("salut", new String[]{"Salut", "fr"}),
            Map.entry("coucou", new String[]{"Coucou", "fr"}),
            Map.entry("hallo", new String[]{"Hallo", "de"}), Map.entry("moin", new String[]{"Moin", "de"}),
            Map.entry("servus", new String[]{"Servus", "de"}),
            Map.entry("привет", new String[]{"Привет", "ru"}), Map.entry("здравствуйте", new String[]{"Здравствуйте", "ru"}));
    private static final Set<String> INFORMAL = Set.of("du", "dich", "dir", "dein", "deine", "deinen", "deinem", "deiner",
            "tu", "toi", "ton", "ta", "tes", "tú", "tus");
    private static final Set<String> FORMAL_LOWER = Set.of("vous", "votre", "vos", "usted", "ustedes");
    /** German formal pronouns count only capitalized ("sie" is also "she/they"). */
    private static final Set<String> FORMAL_CAPITALIZED = Set.of("Sie", "Ihnen", "Ihre", "Ihren", "Ihrem", "Ihrer");

    public static ToneProfile derive(List<String> sellerTexts) {
        if (sellerTexts.isEmpty()) {
            return NONE;
        }
        Map<String, Integer> greetings = new LinkedHashMap<>();
        int informal = 0;
        int formal = 0;
        int withEmoji = 0;
        int withExclamation = 0;
        for (String text : sellerTexts) {
            String[] words = text.strip().split("[^\\p{L}]+");
            int first = words.length > 0 && words[0].isEmpty() ? 1 : 0;
            if (words.length > first) {
                String word = words[first].toLowerCase(Locale.ROOT);
                if (GREETINGS.containsKey(word)) {
                    greetings.merge(word, 1, Integer::sum);
                }
            }
            for (int i = first; i < words.length; i++) {
                if (INFORMAL.contains(words[i].toLowerCase(Locale.ROOT))) {
                    informal++;
                } else if (FORMAL_LOWER.contains(words[i].toLowerCase(Locale.ROOT)) || (i > first && FORMAL_CAPITALIZED.contains(words[i]))) {
                    formal++;
                }
            }
            if (text.codePoints().anyMatch(ToneProfile::isEmoji)) {
                withEmoji++;
            }
            if (text.indexOf('!') >= 0) {
                withExclamation++;
            }
        }
        Optional<String[]> greeting = greetings.entrySet().stream()
                .max(Map.Entry.comparingByValue()).map(e -> GREETINGS.get(e.getKey()));
        Formality formality = informal > formal ? Formality.INFORMAL : formal > informal ? Formality.FORMAL : Formality.UNKNOWN;
        int n = sellerTexts.size();
        return new ToneProfile(greeting.map(g -> g[0]).orElse(null), greeting.map(g -> g[1]).orElse(null), formality,
                withEmoji * 10 >= n * 3, withExclamation * 2 >= n);
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    /** The prompt's tone line, e.g. {@code greeting=Hey (en); formality=informal; emoji=yes; exclamations=often}. */
    public String describe() {
        return (greeting == null ? "" : "greeting=" + greeting + " (" + greetingLanguage + "); ")
                + "formality=" + formality.name().toLowerCase(Locale.ROOT)
                + "; emoji=" + (emoji ? "yes" : "no")
                + "; exclamations=" + (frequentExclamations ? "often" : "rarely");
    }

    private static boolean isEmoji(int codePoint) {
        return (codePoint >= 0x1F300 && codePoint <= 0x1FAFF) || (codePoint >= 0x2600 && codePoint <= 0x27BF);
    }
}
