package app.go.domain.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * PA-SRC-3: the seller's tone, learned from their own replies: the greeting and sign-off they use,
 * how formal they are (du/Sie, tu/vous, tú/usted, ты/вы, jij/u), whether they use emoji, how often
 * they use exclamation marks and how long their replies typically are. Greetings and sign-offs come
 * from fixed lists, so no seller text reaches the prompt through the tone. This is the tone hint the
 * model's context carries; it is computed when the seller writes, not per client message.
 *
 * @param typicalWords the median length of the seller's replies, in words (0 when unknown)
 */
public record ToneProfile(String greeting, String greetingLanguage, Formality formality, boolean emoji,
                          boolean frequentExclamations, String signOff, Length length, int typicalWords) {
    public static final ToneProfile NONE = new ToneProfile(null, null, Formality.UNKNOWN, false, false, null, Length.UNKNOWN, 0);

    public enum Formality { FORMAL, INFORMAL, UNKNOWN }

    /** SHORT up to {@value #SHORT_WORDS} words, LONG above {@value #LONG_WORDS}. */
    public enum Length { SHORT, MEDIUM, LONG, UNKNOWN }

    static final int SHORT_WORDS = 15;
    static final int LONG_WORDS = 40;

    /** Known greetings (one or two words, lower case): how the seller writes them, and the language. */
    private static final Map<String, String[]> GREETINGS = Map.ofEntries(
            Map.entry("hi", new String[]{"Hi", "en"}), Map.entry("hello", new String[]{"Hello", "en"}),
            Map.entry("hey", new String[]{"Hey", "en"}), Map.entry("hiya", new String[]{"Hiya", "en"}),
            Map.entry("howdy", new String[]{"Howdy", "en"}), Map.entry("dear", new String[]{"Dear", "en"}),
            Map.entry("good morning", new String[]{"Good morning", "en"}), Map.entry("good afternoon", new String[]{"Good afternoon", "en"}),
            Map.entry("hola", new String[]{"Hola", "es"}), Map.entry("buenas", new String[]{"Buenas", "es"}),
            Map.entry("buenos días", new String[]{"Buenos días", "es"}), Map.entry("estimado", new String[]{"Estimado", "es"}),
            Map.entry("bonjour", new String[]{"Bonjour", "fr"}), Map.entry("salut", new String[]{"Salut", "fr"}),
            Map.entry("coucou", new String[]{"Coucou", "fr"}),
            Map.entry("hallo", new String[]{"Hallo", "de"}), Map.entry("moin", new String[]{"Moin", "de"}),
            Map.entry("servus", new String[]{"Servus", "de"}), Map.entry("guten tag", new String[]{"Guten Tag", "de"}),
            Map.entry("sehr geehrte", new String[]{"Sehr geehrte", "de"}), Map.entry("sehr geehrter", new String[]{"Sehr geehrter", "de"}),
            Map.entry("ciao", new String[]{"Ciao", "it"}), Map.entry("buongiorno", new String[]{"Buongiorno", "it"}),
            Map.entry("olá", new String[]{"Olá", "pt"}), Map.entry("oi", new String[]{"Oi", "pt"}),
            Map.entry("hoi", new String[]{"Hoi", "nl"}), Map.entry("goedendag", new String[]{"Goedendag", "nl"}),
            Map.entry("привет", new String[]{"Привет", "ru"}), Map.entry("здравствуйте", new String[]{"Здравствуйте", "ru"}));

    /** Known sign-offs (lower case, as the last line or sentence begins): how they are written. */
    private static final Map<String, String> SIGN_OFFS = Map.ofEntries(
            Map.entry("cheers", "Cheers"), Map.entry("best", "Best"), Map.entry("best regards", "Best regards"),
            Map.entry("kind regards", "Kind regards"), Map.entry("regards", "Regards"), Map.entry("thanks", "Thanks"),
            Map.entry("many thanks", "Many thanks"), Map.entry("talk soon", "Talk soon"), Map.entry("all the best", "All the best"),
            Map.entry("sincerely", "Sincerely"), Map.entry("yours sincerely", "Yours sincerely"),
            Map.entry("mit freundlichen grüßen", "Mit freundlichen Grüßen"), Map.entry("freundliche grüße", "Freundliche Grüße"),
            Map.entry("viele grüße", "Viele Grüße"), Map.entry("liebe grüße", "Liebe Grüße"), Map.entry("lg", "LG"),
            Map.entry("beste grüße", "Beste Grüße"), Map.entry("bis bald", "Bis bald"),
            Map.entry("saludos", "Saludos"), Map.entry("un saludo", "Un saludo"), Map.entry("atentamente", "Atentamente"),
            Map.entry("cordialement", "Cordialement"), Map.entry("bien à vous", "Bien à vous"), Map.entry("bises", "Bises"),
            Map.entry("à bientôt", "À bientôt"), Map.entry("a presto", "A presto"), Map.entry("cordiali saluti", "Cordiali saluti"),
            Map.entry("abraços", "Abraços"), Map.entry("atenciosamente", "Atenciosamente"), Map.entry("groetjes", "Groetjes"),
            Map.entry("met vriendelijke groet", "Met vriendelijke groet"), Map.entry("с уважением", "С уважением"),
            Map.entry("пока", "Пока"));

    /** Second-person pronouns that say "informal" in their language (du, tu, tú, ты, jij). */
    private static final Set<String> INFORMAL = Set.of("du", "dich", "dir", "dein", "deine", "deinen", "deinem", "deiner",
            "tu", "toi", "ton", "ta", "tes", "tú", "tus", "contigo", "ты", "тебя", "тебе", "тобой", "твой", "твоя", "твои",
            "jij", "jou", "jouw");
    /** Formal pronouns in any case (vous, usted, u). */
    private static final Set<String> FORMAL_LOWER = Set.of("vous", "votre", "vos", "usted", "ustedes", "u", "uw");
    /** Formal pronouns that count only capitalized mid-sentence ("sie" is also "she/they", "вы" also "you all"). */
    private static final Set<String> FORMAL_CAPITALIZED = Set.of("Sie", "Ihnen", "Ihre", "Ihren", "Ihrem", "Ihrer", "Ihr",
            "Вы", "Вас", "Вам", "Ваш", "Ваша", "Ваши");

    /** A habit is what the seller does in at least this share of their replies. */
    private static final double HABIT = 0.3;
    private static final int SIGN_OFF_WORDS = 5;

    public ToneProfile {
        formality = formality == null ? Formality.UNKNOWN : formality;
        length = length == null ? Length.UNKNOWN : length;
        typicalWords = Math.max(0, typicalWords);
    }

    public static ToneProfile derive(List<String> sellerTexts) {
        List<String> texts = sellerTexts.stream().filter(t -> t != null && !t.isBlank()).toList();
        if (texts.isEmpty()) {
            return NONE;
        }
        Map<String, Integer> greetings = new LinkedHashMap<>();
        Map<String, Integer> signOffs = new LinkedHashMap<>();
        int informal = 0;
        int formal = 0;
        int withEmoji = 0;
        int withExclamation = 0;
        List<Integer> lengths = new ArrayList<>();
        for (String text : texts) {
            String[] words = words(text.strip());
            lengths.add(words.length);
            opening(words, GREETINGS::containsKey).ifPresent(g -> greetings.merge(g, 1, Integer::sum));
            signOff(text).ifPresent(s -> signOffs.merge(s, 1, Integer::sum));
            for (int i = 0; i < words.length; i++) {
                String lower = words[i].toLowerCase(Locale.ROOT);
                if (INFORMAL.contains(lower)) {
                    informal++;
                } else if (FORMAL_LOWER.contains(lower) || (i > 0 && FORMAL_CAPITALIZED.contains(words[i]))) {
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
        int n = texts.size();
        Optional<String[]> greeting = habit(greetings, n).map(GREETINGS::get);
        Formality formality = informal > formal ? Formality.INFORMAL : formal > informal ? Formality.FORMAL : Formality.UNKNOWN;
        int median = lengths.stream().sorted().toList().get((n - 1) / 2);
        Length length = median <= SHORT_WORDS ? Length.SHORT : median > LONG_WORDS ? Length.LONG : Length.MEDIUM;
        return new ToneProfile(greeting.map(g -> g[0]).orElse(null), greeting.map(g -> g[1]).orElse(null), formality,
                withEmoji >= n * HABIT, withExclamation * 2 >= n, habit(signOffs, n).map(SIGN_OFFS::get).orElse(null),
                length, median);
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    /**
     * The prompt's tone line, e.g. {@code greeting=Hey (en); formality=informal; emoji=yes;
     * exclamations=often; sign-off=Cheers; length=short (~12 words)}.
     */
    public String describe() {
        return (greeting == null ? "" : "greeting=" + greeting + " (" + greetingLanguage + "); ")
                + "formality=" + formality.name().toLowerCase(Locale.ROOT)
                + "; emoji=" + (emoji ? "yes" : "no")
                + "; exclamations=" + (frequentExclamations ? "often" : "rarely")
                + (signOff == null ? "" : "; sign-off=" + signOff)
                + (length == Length.UNKNOWN ? "" : "; length=" + length.name().toLowerCase(Locale.ROOT) + " (~" + typicalWords + " words)");
    }

    /** The longest known phrase (up to three words) the text opens with, lower case. */
    private static Optional<String> opening(String[] words, Predicate<String> known) {
        for (int n = Math.min(3, words.length); n >= 1; n--) {
            String phrase = String.join(" ", java.util.Arrays.copyOf(words, n)).toLowerCase(Locale.ROOT);
            if (known.test(phrase)) {
                return Optional.of(phrase);
            }
        }
        return Optional.empty();
    }

    /** A sign-off is a short closing line (the phrase, perhaps a name), the last or the one above a name. */
    private static Optional<String> signOff(String text) {
        for (String line : closingLines(text)) {
            String[] words = words(line);
            Optional<String> found = words.length > SIGN_OFF_WORDS ? Optional.empty() : opening(words, SIGN_OFFS::containsKey);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The most frequent key, if the seller uses it in at least {@link #HABIT} of their replies. */
    private static Optional<String> habit(Map<String, Integer> counts, int replies) {
        return counts.entrySet().stream().filter(e -> e.getValue() >= replies * HABIT)
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
    }

    /** The last two lines, or the last sentence of a one-line reply: where a sign-off stands. */
    private static List<String> closingLines(String text) {
        String[] lines = text.strip().split("\\R");
        if (lines.length > 1) {
            return List.of(lines[lines.length - 1], lines[lines.length - 2]);
        }
        String[] sentences = lines[0].split("(?<=[.!?])\\s+");
        return List.of(sentences[sentences.length - 1]);
    }

    private static String[] words(String text) {
        return java.util.Arrays.stream(text.split("[^\\p{L}]+")).filter(w -> !w.isEmpty()).toArray(String[]::new);
    }

    private static boolean isEmoji(int codePoint) {
        return (codePoint >= 0x1F300 && codePoint <= 0x1FAFF) || (codePoint >= 0x2600 && codePoint <= 0x27BF);
    }
}
