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

    private enum Mode { WORD, STEM, PART, SCRIPT, EXACT }

    /** {@code raw}: the term's words joined; {@code key}: the same with repeated letters read once. */
    private record Term(String word, Category category, Mode mode, Keys plain, Keys confusable, Keys root) {}

    /** A term's words joined ({@code raw}) and the same with repeated letters read once ({@code key}), in one comparison form. */
    private record Keys(String raw, String key) {}

    /**
     * Endings and compounds any stem term takes ("bitches", "shithead", "Scheisskerl", "Tyfuslijer");
     * anything else is another word ("Shitanshu").
     */
    private static final List<String> COMPOUND_ENDINGS = List.of("", "s", "es", "er", "ers", "ed", "ing", "y", "ty", "ies",
            "head", "heads", "face", "hole", "bag", "bags", "stain", "ass", "show", "storm", "load", "lord", "bot", "boy",
            "girl", "man", "men", "z", "ster", "wad", "tard", "sucker", "licker", "eater", "stick", "nut",
            "kerl", "kopf", "sack", "loch", "typ", "gesicht", "geige", "keks", "kriecher", "backe", "lijer", "wijf", "kop", "zak",
            "jong", "are", "arn");
    /**
     * Inflections and diminutives of the assistant's languages ("Pendeja", "Putita", "Stronzetto",
     * "Caralhinho", "Kurwiszon", "Ёбаный", "Їбанько", "Блядина"). A short Latin stem with one of these
     * reads as an ordinary name too ("Fuka", "Nazia", "Rapee", "Fagin"), so Latin stems take them from
     * five letters on; a stem's final vowel gives way to them ("puta", "putita"). Shorter stems take only the endings
 * of their own language ({@link Inflections}).
     */
    private static final List<String> INFLECTIONS = List.of("a", "o", "e", "i", "en", "em", "in", "ie", "ov", "ova", "ko", "ka",
            "ky", "ki", "ek", "ik", "ita", "ito", "itas", "itos", "illa", "illo", "ona", "on", "ones", "azo", "aza",
            "ucha", "ucho", "ote", "ota", "etto", "etta", "ello", "ella", "ina", "ino", "ini", "one", "oni", "accio", "accia",
            "inho", "inha", "inhos", "zinho", "zinha", "ao", "oes", "ard", "asse", "ette", "eur", "euse", "chen", "lein",
            "iszon", "isko", "iszcze", "ica", "uch", "ucha", "cik", "cuk", "eux", "asse",
            "ый", "ий", "ой", "ая", "ое", "ые", "ых", "ым", "ого", "ому", "ина", "ька", "ько", "ец", "ок", "ик", "ник", "ница",
            "ище", "юга", "уга", "ан", "ун", "ка", "ки", "ко", "а", "о", "е", "и", "у", "ы", "я", "ю", "ь", "ей", "ям", "ами");
    private static final String VOWELS = "aeiouyаеиоуыяюэьё";
    private static final Set<String> STEM_PREFIXES = Set.of("", "bull", "horse", "dip", "dumb", "jack", "mother", "mutha",
            "holy", "big", "lil", "super", "mega", "ultra", "the", "mr", "miss");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}|\\p{Co}");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    private static final Pattern NOT_LETTER = Pattern.compile("[^\\p{L}\\p{M}]+");
    private static final Pattern MASK = Pattern.compile("(?<=\\p{L})[*#%]+(?=\\p{L})");
    /** Where Latin letters meet Han, kana or Hangul inside a word ("SB助手"): a word break. */
    private static final Pattern SCRIPT_CHANGE = Pattern.compile(
            "(?<=\\p{IsLatin})(?=[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsHangul}])|(?<=[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsHangul}])(?=\\p{IsLatin})");
    private static final Pattern PLAIN = Pattern.compile("[\\x20-\\x7E]*");
    private static final Pattern WEB_ADDRESS = Pattern.compile("\\bwww\\.|https?:|\\.(com|net|org|io|de|co)\\b");
    /** A digit written inside a Latin word, as Arabizi writes the letters Latin lacks ("7mar", "3arab"). */
    private static final Pattern ARABIZI_DIGIT = Pattern.compile("(?<=\\p{IsLatin})[235789]|[235789](?=\\p{IsLatin})");
    private static final Map<Character, String> ARABIZI = Map.of('2', "a", '3', "a", '5', "kh", '7', "h", '8', "gh", '9', "q");
    private static final Pattern REPEATS = Pattern.compile("(\\p{L})\\1+");
    /** A "v" with no vowel on either side, standing in for the "u" of Latin inscriptions. */
    private static final Pattern V_AS_VOWEL = Pattern.compile("(?<=^|[bcdfghjklmnpqrstvwxz])v(?=[bcdfghjklmnpqrstvwxz]|$)");
    private static final com.ibm.icu.text.Normalizer2 NFKC_CASEFOLD = com.ibm.icu.text.Normalizer2.getNFKCCasefoldInstance();
    private static final Endings PLAIN_ENDINGS = Endings.of(e -> String.join("", words(e)));
    private static final Endings CONFUSABLE_ENDINGS = Endings.of(e -> String.join("", NOT_LETTER.split(Fold.skeleton(e))));
    private static final List<Term> TERMS = load();
    private static final Inflections INFLECTED = Inflections.load();
    private static final List<Set<String>> OFFENSIVE_KEYS = offensiveKeys();

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
        Optional<Inflections.Stem> inflected = INFLECTED.match(stripped);
        if (inflected.isPresent()) {
            Term term = new Term(inflected.get().word(), Category.OFFENSIVE, Mode.STEM, null, null, null);
            return Optional.of(new Rejection(Category.OFFENSIVE, reason(term), term.word()));
        }
        // after the terms: "@$$" has no letters but still reads as a word
        if (words(stripped).isEmpty() || !LETTER.matcher(Fold.text(stripped)).find()) {
            return reject(Category.FORMAT, "the name must contain letters");
        }
        return Optional.empty();
    }

    private static Optional<Rejection> matchTerms(String name) {
        boolean plainName = PLAIN.matcher(Fold.text(name)).matches();
        // a known ordinary word ("Hujer", "Pola", "Porras") is not read as a word or stem term with an ending
        List<String> words = words(INFLECTED.withoutOrdinary(name));
        List<String> plain = words.stream().map(NameRules::collapse).toList();
        List<String> sounds = words.stream().map(NameRules::sound).toList();
        String folded = Fold.text(name);
        String skeleton = Fold.skeleton(name);
        List<String> allWords = words(name);
        String compact = String.join("", allWords.stream().map(NameRules::collapse).toList());
        String compactAsWritten = String.join("", allWords);
        String withoutDigits = folded.replaceAll("\\d", "");
        for (Term term : TERMS) {
            if (plainName && term.mode() != Mode.SCRIPT && term.mode() != Mode.EXACT && !PLAIN.matcher(term.word()).matches()) {
                continue; // a plain Latin name is read against Latin terms; other scripts' terms need their letters
            }
            Keys keys = plainName ? term.plain() : term.confusable();
            Endings endings = plainName ? PLAIN_ENDINGS : CONFUSABLE_ENDINGS;
            boolean latinStem = PLAIN.matcher(term.word()).matches();
            boolean matches = switch (term.mode()) {
                case WORD -> windows(plain).contains(keys.key()) || windows(sounds).contains(sound(keys.key()));
                case STEM -> stems(plain, keys.key(), endings.asKeys(), latinStem, offensiveKeys(plainName, false))
                        || stems(sounds, sound(keys.key()), endings.asSounds(), latinStem, offensiveKeys(plainName, true))
                        || (term.root() != null && roots(words, plainName ? term.root().raw() : term.root().key(), term.word().length(),
                                endings.asWritten().inflection(), latinStem));
                case PART -> compactAsWritten.contains(keys.raw()) || (keys.raw().equals(keys.key()) && compact.contains(keys.key()));
                case SCRIPT -> folded.contains(term.word()) || withoutDigits.contains(term.word()) || skeleton.contains(Fold.skeleton(term.word()));
                case EXACT -> windows(exactWords(name)).contains(exactWords(term.word()).stream().reduce("", String::concat));
            };
            if (matches) {
                return Optional.of(new Rejection(term.category(), reason(term), term.word()));
            }
        }
        return Optional.empty();
    }

    /**
     * The name as written; with each word that mixes Cyrillic and Latin look-alikes read in the
     * script most of its letters are in ("Пoддержка", "Мyдак"); with digits read as the Arabic
     * letters Arabizi writes with them ("Ya 7mar"); and with each mask ("F*ck", "sh#t") filled by each vowel.
     */
    private static List<String> unmasked(String name) {
        List<String> variants = new ArrayList<>(List.of(name));
        String oneScript = Fold.inMajorityScript(name);
        if (!oneScript.equals(name)) {
            variants.add(oneScript);
        }
        if (ARABIZI_DIGIT.matcher(name).find()) {
            StringBuilder arabizi = new StringBuilder();
            name.chars().forEach(c -> arabizi.append(ARABIZI.getOrDefault((char) c, String.valueOf((char) c))));
            variants.add(arabizi.toString());
        }
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

    /**
     * A word that is {@code stem} with a known prefix and a known ending, an inflection (see
     * {@link #INFLECTIONS}), or another offensive word ("Kankerhoer").
     */
    private static boolean stems(List<String> words, String stem, EndingForms endings, boolean latinStem, Set<String> offensive) {
        boolean inflects = !latinStem || stem.length() >= 5;
        for (String word : windows(words)) {
            for (int at = word.indexOf(stem); at >= 0; at = word.indexOf(stem, at + 1)) {
                String rest = word.substring(at + stem.length());
                if (STEM_PREFIXES.contains(word.substring(0, at)) && (endings.compound().contains(rest)
                        || (inflects && endings.inflection().contains(rest)) || (stem.length() >= 4 && rest.length() >= 4 && offensive.contains(rest)))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A stem that ends in a vowel, with the vowel given way to an inflection ("puta", "putita";
     * "pendejo", "pendeja"), on the words as written: the letters a name doubles are its own ("Nigella").
     */
    private static boolean roots(List<String> words, String root, int stemLength, Set<String> inflections, boolean latinStem) {
        for (String word : windows(words)) {
            for (int at = word.indexOf(root); at >= 0; at = word.indexOf(root, at + 1)) {
                String rest = word.substring(at + root.length());
                boolean longEnough = (latinStem ? stemLength >= 6 : stemLength >= 4) || rest.length() >= 3;
                if (STEM_PREFIXES.contains(word.substring(0, at)) && longEnough && inflections.contains(rest)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The name's words as written, case-folded only: for terms whose accents tell them from a name ("Coño" and "Cono"). */
    private static List<String> exactWords(String text) {
        List<String> words = new ArrayList<>();
        for (String word : NOT_LETTER.split(NFKC_CASEFOLD.normalize(text))) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    /** The offensive word and stem terms, in one comparison form: the second half of a compound ("Kanker" + "hoer"). */
    private static Set<String> offensiveKeys(boolean plainName, boolean sounds) {
        return OFFENSIVE_KEYS.get((plainName ? 0 : 2) + (sounds ? 1 : 0));
    }

    /** Endings in the forms a name's words are compared in. */
    private record EndingForms(Set<String> compound, Set<String> inflection) {}

    private record Endings(EndingForms asKeys, EndingForms asSounds, EndingForms asWritten) {
        static Endings of(java.util.function.UnaryOperator<String> form) {
            return new Endings(forms(e -> collapse(form.apply(e))), forms(e -> sound(form.apply(e))), forms(form));
        }

        private static EndingForms forms(java.util.function.UnaryOperator<String> form) {
            return new EndingForms(COMPOUND_ENDINGS.stream().map(e -> e.isEmpty() ? e : form.apply(e)).collect(java.util.stream.Collectors.toSet()),
                    INFLECTIONS.stream().map(form).collect(java.util.stream.Collectors.toSet()));
        }
    }

    /** The name's skeleton split into words; runs of single letters ("s u p p o r t", "G o") are read as one word. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder spelled = new StringBuilder();
        for (String word : NOT_LETTER.split(SCRIPT_CHANGE.matcher(form(text)).replaceAll(" "))) {
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

    /** Repeated letters read once ("Suuupport"), but for a doubled vowel at the end. */
    private static String collapse(String word) {
        String once = REPEATS.matcher(word).replaceAll("$1");
        int n = word.length();
        boolean finalDoubleVowel = n >= 3 && word.charAt(n - 1) == word.charAt(n - 2) && word.charAt(n - 3) != word.charAt(n - 1)
                && VOWELS.indexOf(word.charAt(n - 1)) >= 0;
        // a doubled vowel at a word's end is how names are spelled ("Rapee", "Kaa"), not how a word is drawn out
        return finalDoubleVowel ? once + word.charAt(n - 1) : once;
    }

    /**
     * How a Latin word sounds, roughly: "Phuck" and "fuck", "Kunt" and "cunt", a "v" where a vowel
     * belongs ("Fvck", "Cvnt"), "w" and "v" alike ("Fiwerr")... only for whole words and stems.
     */
    private static String sound(String word) {
        String s = V_AS_VOWEL.matcher(word).replaceAll("u");
        return collapse(s.replace("ph", "f").replace("ck", "k").replace("q", "k").replace("kk", "k").replace('w', 'v'));
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

    private static List<Set<String>> offensiveKeys() {
        List<Set<String>> keys = List.of(new java.util.HashSet<>(), new java.util.HashSet<>(), new java.util.HashSet<>(), new java.util.HashSet<>());
        for (Term term : TERMS) {
            if (term.category() == Category.OFFENSIVE && (term.mode() == Mode.WORD || term.mode() == Mode.STEM)) {
                keys.get(0).add(term.plain().key());
                keys.get(1).add(sound(term.plain().key()));
                keys.get(2).add(term.confusable().key());
                keys.get(3).add(sound(term.confusable().key()));
            }
        }
        return keys.stream().map(Set::copyOf).toList();
    }

    /** A stem's root without its final vowel, in both forms (raw: plain, key: confusable), or null. */
    private static Keys root(String word) {
        if (word.length() < 4 || VOWELS.indexOf(word.charAt(word.length() - 1)) < 0) {
            return null;
        }
        String root = word.substring(0, word.length() - 1);
        return new Keys(String.join("", words(root)), String.join("", NOT_LETTER.split(Fold.skeleton(root))));
    }

    /**
     * Short stems with the endings of their own language ({@code safety/name-inflections.txt}): "Chuja", "Putón",
     * "Kokotina", "Piçler". Compared on the name's words as written, folded, without look-alikes or repeated
     * letters read once: the endings are short, and "Hula" or "Pola" must not read as "hui" or "polla".
     */
    private record Inflections(List<Stem> stems, Map<String, Set<String>> endings, Set<String> chains, Set<String> ordinaryWords) {
        /** A stem of one language, as written ({@code word}) and in the forms its endings follow ({@code roots}). */
        record Stem(String word, String language, List<String> roots) {}

        private static final Pattern WORD_BREAK = Pattern.compile("[^\\p{L}]+");

        /** Folded as the matcher reads words; letters without a decomposition read as their base letter ("ł", "ı", "đ", "ø"). */
        static String fold(String text) {
            String folded = Fold.text(text.replace('ł', 'l').replace('Ł', 'L').replace('ı', 'i').replace('đ', 'd').replace('Đ', 'D')
                    .replace('ø', 'o').replace('Ø', 'O'));
            return folded.replace('ł', 'l').replace('ı', 'i').replace('đ', 'd').replace('ø', 'o');
        }

        /** The name with its ordinary words blanked out. */
        String withoutOrdinary(String name) {
            StringBuilder out = new StringBuilder();
            for (String part : name.split("(?<=[^\\p{L}\\p{M}])|(?=[^\\p{L}\\p{M}])")) {
                out.append(ordinaryWords.contains(fold(part)) ? " " : part);
            }
            return out.toString();
        }

        Optional<Stem> match(String name) {
            for (String word : WORD_BREAK.split(fold(name))) {
                if (word.isEmpty() || ordinaryWords.contains(word)) {
                    continue;
                }
                for (Stem stem : stems) {
                    Set<String> forms = endings.get(stem.language());
                    for (String root : stem.roots()) {
                        for (int at = word.indexOf(root); at >= 0; at = word.indexOf(root, at + 1)) {
                            if (STEM_PREFIXES.contains(word.substring(0, at)) && ending(word.substring(at + root.length()), forms,
                                    chains.contains(stem.language()))) {
                                return Optional.of(stem);
                            }
                        }
                    }
                }
            }
            return Optional.empty();
        }

        /** One ending, or two after each other where the language chains them. */
        private static boolean ending(String rest, Set<String> forms, boolean chain) {
            if (forms.contains(rest)) {
                return true;
            }
            for (int cut = 1; chain && cut < rest.length(); cut++) {
                if (forms.contains(rest.substring(0, cut)) && forms.contains(rest.substring(cut))) {
                    return true;
                }
            }
            return false;
        }

        static Inflections load() {
            List<String[]> stemLines = new ArrayList<>();
            Map<String, Set<String>> endings = new java.util.HashMap<>();
            Map<String, Boolean> drops = new java.util.HashMap<>();
            Set<String> chains = new java.util.HashSet<>();
            Set<String> ordinary = new java.util.HashSet<>();
            for (String line : lines("/safety/name-inflections.txt")) {
                String[] parts = line.split(" ", 2);
                switch (parts[0]) {
                    case "endings" -> {
                        String[] spec = parts[1].split(" ", 3);
                        drops.put(spec[0], spec[1].startsWith("drop"));
                        if (spec[1].endsWith("+chain")) {
                            chains.add(spec[0]);
                        }
                        endings.put(spec[0], list(spec[2]));
                    }
                    case "stems" -> stemLines.add(parts[1].split(" ", 2));
                    case "ordinary" -> ordinary.addAll(list(parts[1]));
                    default -> throw new IllegalStateException("safety/name-inflections.txt: unknown line " + line);
                }
            }
            List<Stem> stems = new ArrayList<>();
            for (String[] line : stemLines) {
                if (!endings.containsKey(line[0])) {
                    throw new IllegalStateException("safety/name-inflections.txt: no endings for " + line[0]);
                }
                for (String word : line[1].split(",")) {
                    String stem = fold(word.strip());
                    List<String> roots = new ArrayList<>(List.of(stem));
                    // a short stem keeps its vowel: "hu" + "a" is the name "Hua"
                    if (drops.get(line[0]) && stem.length() >= 4 && VOWELS.indexOf(stem.charAt(stem.length() - 1)) >= 0) {
                        roots.add(stem.substring(0, stem.length() - 1));
                    }
                    stems.add(new Stem(word.strip(), line[0], List.copyOf(roots)));
                }
            }
            return new Inflections(List.copyOf(stems), Map.copyOf(endings), Set.copyOf(chains), Set.copyOf(ordinary));
        }

        private static Set<String> list(String csv) {
            Set<String> out = new java.util.HashSet<>();
            for (String item : csv.split(",")) {
                if (!item.isBlank()) {
                    out.add(fold(item.strip()));
                }
            }
            return out;
        }
    }

    private static List<String> lines(String resource) {
        try (InputStream in = NameRules.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
                    String w = mode == Mode.EXACT ? NFKC_CASEFOLD.normalize(word.strip()) : Fold.text(word.strip());
                    if (!w.isEmpty()) {
                        String plain = String.join("", words(w));
                        String confusable = String.join("", NOT_LETTER.split(Fold.skeleton(w)));
                        terms.add(new Term(w, category, mode, new Keys(plain, collapse(plain)), new Keys(confusable, collapse(confusable)), root(w)));
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
