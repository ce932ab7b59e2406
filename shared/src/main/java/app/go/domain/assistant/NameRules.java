package app.go.domain.assistant;

import app.go.domain.safety.Fold;
import app.go.support.errors.DomainException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * NAME-1/NAME-2: the assistant's custom name must not be offensive, impersonate the platform, its
 * staff or a well-known person, use a brand or mislead clients, in any script. The terms are data
 * ({@code safety/name-terms.txt}); name and terms are compared as ICU confusable skeletons after
 * normalisation ({@link Fold#skeleton}), so full-width forms, zero-width characters, homoglyphs,
 * digits for letters, spelled-out letters, repeated letters and masks ("F*ck") read as the word they
 * imitate. Words are matched whole (or with a known ending), so ordinary names that merely contain a
 * term ("Staffan", "Matsushita", "Pineapple", "Scunthorpe") pass.
 */
public final class NameRules {
    public static final int MAX_LENGTH = 40;
    public static final String REJECTED = "NAME_REJECTED";

    public enum Category { OFFENSIVE, IMPERSONATION, PERSON, BRAND, MISLEADING, FORMAT }

    /** Why a name was refused: the rule, the reason shown to the seller, and the word it read as. */
    public record Rejection(Category category, String reason, String word) {
        public Rejection(Category category, String reason) {
            this(category, reason, null);
        }
    }

    private enum Mode { WORD, STEM, PART, SCRIPT }

    /** {@code raw}: the term's words joined; {@code key}: the same with repeated letters read once. */
    private record Term(String word, Category category, Mode mode, Keys plain, Keys confusable) {}

    /** A term's words joined ({@code raw}) and the same with repeated letters read once ({@code key}), in one comparison form. */
    private record Keys(String raw, String key) {}

    /** Endings and compounds a stem term takes ("bitches", "shithead"); anything else is another word ("Shitanshu"). */
    private static final Set<String> ENDINGS = Set.of("", "s", "es", "er", "ers", "ed", "ing", "in", "y", "ie", "ies", "ty",
            "head", "heads", "face", "hole", "bag", "bags", "stain", "ass", "show", "storm", "load", "lord", "bot", "boy",
            "girl", "man", "men", "z", "a", "o", "e", "en", "em", "ov", "ko", "ka", "ky", "ki");
    private static final Set<String> STEM_PREFIXES = Set.of("", "bull", "horse", "dip", "dumb", "jack", "mother", "mutha",
            "holy", "big", "lil", "super", "mega", "ultra", "the", "mr", "miss");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}|\\p{Co}");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    private static final Pattern NOT_LETTER = Pattern.compile("[^\\p{L}\\p{M}]+");
    private static final Pattern MASK = Pattern.compile("(?<=\\p{L})[*#%]+(?=\\p{L})");
    private static final Pattern PLAIN = Pattern.compile("[\\x20-\\x7E]*");
    private static final Pattern WEB_ADDRESS = Pattern.compile("\\bwww\\.|https?:|\\.(com|net|org|io|de|co)\\b");
    private static final Pattern REPEATS = Pattern.compile("(\\p{L})\\1+");
    private static final List<Term> TERMS = load();

    private NameRules() {}

    /** The name, stripped, when acceptable; otherwise a 422 {@code NAME_REJECTED} with the rule, the reason and the word. */
    public static String requireAcceptable(String name) {
        Optional<Rejection> rejection = check(name);
        if (rejection.isPresent()) {
            Rejection r = rejection.get();
            Map<String, String> details = new LinkedHashMap<>();
            details.put("rule", r.category().name());
            if (r.word() != null) {
                details.put("word", r.word());
            }
            throw new DomainException(DomainException.Kind.RULE, REJECTED, r.reason(), details);
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
        if (WEB_ADDRESS.matcher(Fold.text(stripped)).find()) {
            return Optional.of(new Rejection(Category.MISLEADING, "the name could mislead clients: it reads as a web address", "www"));
        }
        for (String variant : unmasked(stripped)) {
            Optional<Rejection> found = matchTerms(variant);
            if (found.isPresent()) {
                return found;
            }
        }
        // after the terms: "@$$" has no letters but still reads as a word
        if (words(stripped).isEmpty() || !LETTER.matcher(Fold.text(stripped)).find()) {
            return reject(Category.FORMAT, "the name must contain letters");
        }
        return Optional.empty();
    }

    private static Optional<Rejection> matchTerms(String name) {
        boolean plainName = PLAIN.matcher(Fold.text(name)).matches();
        List<String> words = words(name);
        List<String> plain = words.stream().map(NameRules::collapse).toList();
        List<String> sounds = words.stream().map(NameRules::sound).toList();
        String folded = Fold.text(name);
        String skeleton = Fold.skeleton(name);
        String compact = String.join("", plain);
        String compactAsWritten = String.join("", words);
        String withoutDigits = folded.replaceAll("\\d", "");
        for (Term term : TERMS) {
            if (plainName && term.mode() != Mode.SCRIPT && !PLAIN.matcher(term.word()).matches()) {
                continue; // a plain Latin name is read against Latin terms; other scripts' terms need their letters
            }
            Keys keys = plainName ? term.plain() : term.confusable();
            boolean matches = switch (term.mode()) {
                case WORD -> windows(plain).contains(keys.key()) || windows(sounds).contains(sound(keys.key()));
                case STEM -> stems(plain, keys.key()) || stems(sounds, sound(keys.key()));
                case PART -> compactAsWritten.contains(keys.raw()) || (keys.raw().equals(keys.key()) && compact.contains(keys.key()));
                case SCRIPT -> folded.contains(term.word()) || withoutDigits.contains(term.word()) || skeleton.contains(Fold.skeleton(term.word()));
            };
            if (matches) {
                return Optional.of(new Rejection(term.category(), reason(term), term.word()));
            }
        }
        return Optional.empty();
    }

    /** The name as written, and with each mask ("F*ck", "sh#t") filled by each vowel. */
    private static List<String> unmasked(String name) {
        List<String> variants = new ArrayList<>(List.of(name));
        if (MASK.matcher(name).find()) {
            for (String vowel : List.of("a", "e", "i", "o", "u", "а", "е", "и", "о", "у", "ы", "ё")) {
                variants.add(MASK.matcher(name).replaceAll(vowel));
            }
        }
        return variants;
    }

    /** Every run of consecutive words joined ("customer", "service" also reads "customerservice"). */
    private static Set<String> windows(List<String> words) {
        Set<String> windows = new java.util.HashSet<>();
        for (int i = 0; i < words.size(); i++) {
            StringBuilder run = new StringBuilder();
            for (int j = i; j < Math.min(words.size(), i + 4); j++) {
                run.append(words.get(j));
                windows.add(run.toString());
            }
        }
        return windows;
    }

    private static boolean stems(List<String> words, String stem) {
        for (String word : windows(words)) {
            int at = word.indexOf(stem);
            while (at >= 0) {
                if (STEM_PREFIXES.contains(word.substring(0, at)) && ENDINGS.contains(word.substring(at + stem.length()))) {
                    return true;
                }
                at = word.indexOf(stem, at + 1);
            }
        }
        return false;
    }

    /** The name's skeleton split into words; runs of single letters ("s u p p o r t", "G o") are read as one word. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder spelled = new StringBuilder();
        for (String word : NOT_LETTER.split(form(text))) {
            if (word.isEmpty()) {
                continue;
            }
            if (word.codePointCount(0, word.length()) == 1) {
                spelled.append(word);
                continue;
            }
            flush(spelled, words);
            words.add(word);
        }
        flush(spelled, words);
        return words;
    }

    /** The name reduced to what it reads as (see {@link Fold#skeleton}). */
    static String skeleton(String text) {
        return form(text);
    }

    /**
     * The form names and terms are compared in. ICU's confusable skeleton where the text has
     * characters beyond plain Latin letters (where look-alikes hide); otherwise the folded text with
     * digits and signs read as letters, so plain Latin stays Latin ("Pom" is not "porn", which the
     * skeleton reads alike because "rn" looks like "m").
     */
    private static String form(String text) {
        String folded = Fold.text(text);
        return PLAIN.matcher(folded).matches() ? Fold.leet(folded) : Fold.skeleton(text);
    }

    private static void flush(StringBuilder spelled, List<String> words) {
        if (!spelled.isEmpty()) {
            words.add(spelled.toString());
            spelled.setLength(0);
        }
    }

    /** Repeated letters read once ("Suuupport"). */
    private static String collapse(String word) {
        return REPEATS.matcher(word).replaceAll("$1");
    }

    /** How a Latin word sounds, roughly: "Phuck" and "fuck", "Kunt" and "cunt"... only for whole words and stems. */
    private static String sound(String word) {
        return collapse(word.replace("ph", "f").replace("ck", "k").replace("q", "k").replace("kk", "k"));
    }

    private static String reason(Term term) {
        return switch (term.category()) {
            case OFFENSIVE -> "the name contains offensive language (insults, hate speech or obscene words): it reads as \"" + term.word() + "\"";
            case IMPERSONATION -> "the name impersonates the platform or its staff (it reads as \"" + term.word() + "\")";
            case PERSON -> "the name impersonates a well-known person (it reads as \"" + term.word() + "\")";
            case BRAND -> "the name uses a brand that is not yours (it reads as \"" + term.word() + "\")";
            case MISLEADING -> "the name could mislead clients about who they talk to (it reads as \"" + term.word() + "\")";
            case FORMAT -> "the name is not valid";
        };
    }

    private static Optional<Rejection> reject(Category category, String reason) {
        return Optional.of(new Rejection(category, reason));
    }

    private static List<Term> load() {
        List<Term> terms = new ArrayList<>();
        try (InputStream in = NameRules.class.getResourceAsStream("/safety/name-terms.txt")) {
            if (in == null) {
                throw new IllegalStateException("safety/name-terms.txt is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(" ", 3);
                Category category = Category.valueOf(parts[0]);
                Mode mode = Mode.valueOf(parts[1].toUpperCase(Locale.ROOT));
                for (String word : parts[2].split(",")) {
                    String w = Fold.text(word.strip());
                    if (!w.isEmpty()) {
                        String plain = String.join("", words(w));
                        String confusable = String.join("", NOT_LETTER.split(Fold.skeleton(w)));
                        terms.add(new Term(w, category, mode, new Keys(plain, collapse(plain)), new Keys(confusable, collapse(confusable))));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the rules in order: a name that is both offensive and a brand is refused as offensive
        terms.sort(java.util.Comparator.comparing(Term::category));
        return List.copyOf(terms);
    }
}
