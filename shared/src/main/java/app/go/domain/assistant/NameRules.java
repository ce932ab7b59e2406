package app.go.domain.assistant;

import app.go.support.errors.DomainException;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * NAME-1/NAME-2: the assistant's custom name must not be offensive, impersonate the platform or its
 * staff, use a brand or mislead clients. Look-alike spellings count: before matching, the name is
 * reduced to a skeleton (full-width forms, zero-width characters, accents, Cyrillic and Greek
 * homoglyphs, digits and symbols for letters), and the word lists are reduced the same way.
 */
public final class NameRules {
    public static final int MAX_LENGTH = 40;
    public static final String REJECTED = "NAME_REJECTED";

    public enum Category { OFFENSIVE, IMPERSONATION, BRAND, MISLEADING, FORMAT }

    /** Why a name was refused; {@code reason} is shown to the seller. */
    public record Rejection(Category category, String reason) {}

    /**
     * A term matches either anywhere in the name with separators removed and letters possibly
     * repeated ("S.u.p.p.o.r.t", "Suuupport"), or, for short words that hide inside harmless ones
     * ("go" in "Gordon"), only as a whole word.
     */
    private record Term(String word, Category category, boolean wholeWordOnly, String skeleton, Pattern anywhere) {}

    private static final Pattern ZERO_WIDTH = Pattern.compile("[\\u200B-\\u200D\\u2060\\uFEFF\\u00AD]");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}|\\p{Co}");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}]+");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");

    /** Letters that look alike are read as one letter; "l" and "1" read as "i", as a human might misread them. */
    private static final Map<Character, Character> LOOK_ALIKES = Map.ofEntries(
            // Cyrillic
            Map.entry('а', 'a'), Map.entry('е', 'e'), Map.entry('ё', 'e'), Map.entry('о', 'o'), Map.entry('р', 'p'),
            Map.entry('с', 'c'), Map.entry('х', 'x'), Map.entry('у', 'y'), Map.entry('і', 'i'), Map.entry('ї', 'i'),
            Map.entry('ј', 'j'), Map.entry('ѕ', 's'), Map.entry('к', 'k'), Map.entry('м', 'm'), Map.entry('т', 't'),
            Map.entry('в', 'b'), Map.entry('н', 'h'), Map.entry('ԁ', 'd'), Map.entry('ɡ', 'g'),
            // Greek
            Map.entry('ο', 'o'), Map.entry('α', 'a'), Map.entry('ε', 'e'), Map.entry('ι', 'i'), Map.entry('κ', 'k'),
            Map.entry('ν', 'v'), Map.entry('ρ', 'p'), Map.entry('τ', 't'), Map.entry('υ', 'u'), Map.entry('χ', 'x'),
            // digits and symbols
            Map.entry('0', 'o'), Map.entry('1', 'i'), Map.entry('!', 'i'), Map.entry('|', 'i'), Map.entry('l', 'i'),
            Map.entry('3', 'e'), Map.entry('4', 'a'), Map.entry('@', 'a'), Map.entry('5', 's'), Map.entry('$', 's'),
            Map.entry('7', 't'), Map.entry('+', 't'), Map.entry('8', 'b'), Map.entry('9', 'g'), Map.entry('6', 'g'));

    private static final List<Term> TERMS = new ArrayList<>();

    static {
        anywhere(Category.OFFENSIVE, "fuck", "shit", "bitch", "cunt", "bastard", "asshole", "dickhead", "whore",
                "slut", "idiot", "moron", "stupid", "retard", "nigger", "nigga", "faggot", "tranny", "nazi", "hitler",
                "porn", "pussy", "penis", "vagina", "blowjob", "dildo", "wanker", "bollocks");
        wholeWord(Category.OFFENSIVE, "ass", "dick", "cock", "cum", "fag", "hoe", "tits", "sex", "kkk", "rape", "loser",
                "spic", "kike", "chink");
        anywhere(Category.IMPERSONATION, "support", "admin", "official", "moderator", "helpdesk", "customerservice",
                "customercare", "staff", "trustandsafety");
        wholeWord(Category.IMPERSONATION, "go", "mod", "mods", "platform", "marketplace");
        anywhere(Category.BRAND, "google", "apple", "microsoft", "amazon", "facebook", "instagram", "tiktok", "youtube",
                "netflix", "disney", "adidas", "cocacola", "pepsi", "mcdonalds", "samsung", "tesla", "openai",
                "chatgpt", "fiverr", "upwork", "paypal", "mastercard");
        wholeWord(Category.BRAND, "nike", "visa", "meta", "siri", "alexa", "gemini", "claude");
        anywhere(Category.MISLEADING, "verified", "security", "billing", "refund", "payment", "realperson", "notabot",
                "humanagent", "www", "http");
        wholeWord(Category.MISLEADING, "human", "com", "net", "org");
    }

    /** Harmless words that contain a term ("admin" in "badminton"); they are skipped when matching. */
    private static final Set<String> HARMLESS = Set.of("badminton", "scunthorpe", "shiitake", "cockatoo", "cockatiel",
            "peacock", "hancock", "analyst").stream().map(NameRules::skeleton).collect(Collectors.toUnmodifiableSet());

    private NameRules() {}

    /** The name, stripped, when acceptable; otherwise a 422 {@code NAME_REJECTED} with the reason. */
    public static String requireAcceptable(String name) {
        Optional<Rejection> rejection = check(name);
        if (rejection.isPresent()) {
            throw new DomainException(DomainException.Kind.RULE, REJECTED, rejection.get().reason());
        }
        return name.strip();
    }

    public static Optional<Rejection> check(String name) {
        if (name == null || name.isBlank()) {
            return reject(Category.FORMAT, "the name must not be blank");
        }
        String stripped = name.strip();
        if (stripped.length() > MAX_LENGTH) {
            return reject(Category.FORMAT, "the name must be at most " + MAX_LENGTH + " characters");
        }
        if (CONTROL.matcher(stripped).find()) {
            return reject(Category.FORMAT, "the name must not contain control characters");
        }
        List<String> words = words(stripped);
        String compact = words.stream().filter(w -> !HARMLESS.contains(w)).collect(Collectors.joining());
        for (Term term : TERMS) {
            boolean matches = term.wholeWordOnly() ? words.contains(term.skeleton()) : term.anywhere().matcher(compact).find();
            if (matches) {
                return reject(term.category(), reason(term));
            }
        }
        // after the terms: "@$$" has no letters but still reads as a word
        if (words.isEmpty() || !LETTER.matcher(Normalizer.normalize(stripped, Normalizer.Form.NFKC)).find()) {
            return reject(Category.FORMAT, "the name must contain letters");
        }
        return Optional.empty();
    }

    /** The name reduced to what it reads as: lowercase latin letters, separators turned into spaces. */
    static String skeleton(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
        s = ZERO_WIDTH.matcher(s).replaceAll("");
        s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        s = s.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(LOOK_ALIKES.getOrDefault(c, c));
        }
        return out.toString();
    }

    /**
     * The words of the name's skeleton; runs of single letters ("s u p p o r t") are read as one word.
     */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder spelled = new StringBuilder();
        for (String word : SEPARATORS.split(skeleton(text))) {
            if (word.isEmpty()) {
                continue;
            }
            if (word.length() == 1) {
                spelled.append(word);
                continue;
            }
            flush(spelled, words);
            words.add(word);
        }
        flush(spelled, words);
        return words;
    }

    private static void flush(StringBuilder spelled, List<String> words) {
        if (!spelled.isEmpty()) {
            words.add(spelled.toString());
            spelled.setLength(0);
        }
    }

    private static String reason(Term term) {
        return switch (term.category()) {
            case OFFENSIVE -> "the name contains offensive language (insults, hate speech or obscene words)";
            case IMPERSONATION -> "the name impersonates the platform or its staff (it reads as \"" + term.word() + "\")";
            case BRAND -> "the name uses a brand that is not yours (it reads as \"" + term.word() + "\")";
            case MISLEADING -> "the name could mislead clients about who they talk to (it reads as \"" + term.word() + "\")";
            case FORMAT -> "the name is not valid";
        };
    }

    private static Optional<Rejection> reject(Category category, String reason) {
        return Optional.of(new Rejection(category, reason));
    }

    private static void anywhere(Category category, String... words) {
        for (String word : words) {
            String skeleton = skeleton(word);
            StringBuilder regex = new StringBuilder();
            skeleton.chars().forEach(c -> regex.append(Pattern.quote(String.valueOf((char) c))).append('+'));
            TERMS.add(new Term(word, category, false, skeleton, Pattern.compile(regex.toString())));
        }
    }

    private static void wholeWord(Category category, String... words) {
        for (String word : words) {
            TERMS.add(new Term(word, category, true, skeleton(word), null));
        }
    }
}
