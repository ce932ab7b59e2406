package app.go.domain.safety;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one normalisation every safety rule matches on, so a rule written once holds for the ways
 * people disguise a word: NFKC with case folding (full-width forms, ligatures, mathematical
 * letters, zero-width and other ignorable characters go), every script's digits read as ASCII
 * digits, Latin accents dropped ("réduction" reads as "reduction"), Arabic letter variants unified,
 * spelled-out letters joined ("w h a t s a p p", "f.u.c.k"), and a word that mixes scripts (a
 * Cyrillic "а" inside a Latin word) read as its ICU confusable skeleton.
 */
public final class Fold {
    private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();
    private static final Normalizer2 NFD = Normalizer2.getNFDInstance();
    private static final SpoofChecker SPOOF = new SpoofChecker.Builder().build();
    /** Three or more single letters in a row, each followed by one separator: "w h a t s", "f.u.c.k". */
    private static final Pattern SPELLED = Pattern.compile("(?U)(?<![\\w])(?:\\w[ .\\-_*·•]){2,}\\w(?![\\w])");
    private static final Pattern SPELLED_SEPARATOR = Pattern.compile("[ .\\-_*·•]");
    private static final Pattern WORD = Pattern.compile("(?U)\\w+");
    /** Digits and signs read as the letter they imitate, for names only (a price in a reply keeps its digits). */
    private static final Map<Character, Character> LEET = Map.ofEntries(
            Map.entry('0', 'o'), Map.entry('1', 'i'), Map.entry('!', 'i'), Map.entry('|', 'i'), Map.entry('3', 'e'),
            Map.entry('4', 'a'), Map.entry('@', 'a'), Map.entry('5', 's'), Map.entry('$', 's'), Map.entry('7', 't'),
            Map.entry('+', 't'), Map.entry('8', 'b'), Map.entry('9', 'g'), Map.entry('6', 'g'), Map.entry('€', 'e'),
            Map.entry('¢', 'c'), Map.entry('£', 'l'));

    private Fold() {}

    /** The text as the rules read it; lengths change, so report matches from this text, not the original. */
    public static String text(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String folded = NFKC_CASEFOLD.normalize(text);
        StringBuilder out = new StringBuilder(folded.length());
        String decomposed = NFD.normalize(folded);
        int previousBase = -1;
        for (int i = 0; i < decomposed.length(); ) {
            int c = decomposed.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK && previousBase >= 0
                    && (UScript.getScript(previousBase) == UScript.LATIN || UScript.getScript(previousBase) == UScript.ARABIC)) {
                continue; // accents on Latin letters, tashkeel on Arabic ones
            }
            if (c == 0x0640) {
                continue; // tatweel
            }
            int mapped = letterVariant(c);
            if (type == Character.DECIMAL_DIGIT_NUMBER) {
                mapped = '0' + UCharacter.getNumericValue(c);
            }
            out.appendCodePoint(mapped);
            if (type != Character.NON_SPACING_MARK) {
                previousBase = mapped;
            }
        }
        return skeletonOfMixedWords(joinSpelled(Normalizer2.getNFCInstance().normalize(out)));
    }

    /**
     * A name's skeleton: {@link #text} with digits and signs read as letters ("4dm1n", "$h1t"), then
     * ICU's confusable skeleton of every character (Cyrillic and Greek look-alikes, "rn" and "m"
     * alike), lowercase, and "l" read as "i" (a "1" or "I" might be either).
     */
    public static String skeleton(String text) {
        String skeleton = NFKC_CASEFOLD.normalize(SPOOF.getSkeleton(leetOnly(text(text))));
        return stripLatinMarks(skeleton).replace('l', 'i');
    }

    /** Folded text with digits and signs read as letters, and "l" read as "i", without ICU's skeleton. */
    public static String leet(String folded) {
        return leetOnly(folded).replace('l', 'i');
    }

    private static String leetOnly(String folded) {
        StringBuilder leet = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            leet.append(LEET.getOrDefault(c, c));
        }
        return leet.toString();
    }

    private static String stripLatinMarks(String text) {
        StringBuilder out = new StringBuilder(text.length());
        String decomposed = NFD.normalize(text);
        for (int i = 0; i < decomposed.length(); ) {
            int c = decomposed.codePointAt(i);
            i += Character.charCount(c);
            if (Character.getType(c) == Character.NON_SPACING_MARK && out.length() > 0
                    && UScript.getScript(out.codePointBefore(out.length())) == UScript.LATIN) {
                continue;
            }
            out.appendCodePoint(c);
        }
        return Normalizer2.getNFCInstance().normalize(out);
    }

    private static int letterVariant(int c) {
        return switch (c) {
            case 'أ', 'إ', 'آ', 'ٱ' -> 'ا';
            case 'ى' -> 'ي';
            case 'ة' -> 'ه';
            case '٫' -> '.';
            case '’', '‘', 'ʼ', '`', '´' -> '\'';
            case '٬' -> ',';
            default -> c;
        };
    }

    private static String joinSpelled(String text) {
        Matcher spelled = SPELLED.matcher(text);
        if (!spelled.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        do {
            String run = spelled.group();
            boolean letters = run.chars().filter(Character::isLetter).count() >= 3;
            spelled.appendReplacement(out, Matcher.quoteReplacement(letters ? SPELLED_SEPARATOR.matcher(run).replaceAll("") : run));
        } while (spelled.find());
        spelled.appendTail(out);
        return out.toString();
    }

    private static String skeletonOfMixedWords(String text) {
        Matcher word = WORD.matcher(text);
        StringBuilder out = new StringBuilder();
        boolean changed = false;
        while (word.find()) {
            String w = word.group();
            if (mixesLatinWithLookAlikes(w)) {
                changed = true;
                word.appendReplacement(out, Matcher.quoteReplacement(latinLookAlikes(w)));
            }
        }
        if (!changed) {
            return text;
        }
        word.appendTail(out);
        return out.toString();
    }

    /** Only the non-Latin letters of a mixed word become the Latin letter they imitate ("аdmin" reads "admin"). */
    private static String latinLookAlikes(String word) {
        StringBuilder out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); ) {
            int c = word.codePointAt(i);
            i += Character.charCount(c);
            String letter = new String(Character.toChars(c));
            if (UScript.getScript(c) != UScript.LATIN) {
                String like = CYRILLIC_SMALL_CAPITALS.getOrDefault(letter, NFKC_CASEFOLD.normalize(SPOOF.getSkeleton(letter)));
                letter = like.codePointCount(0, like.length()) == 1 ? like : letter;
            }
            out.append(letter);
        }
        return out.toString();
    }

    /** Lower-case Cyrillic and Greek letters ICU reads as small capitals or keeps; inside a Latin word they read as the Latin letter. */
    private static final Map<String, String> CYRILLIC_SMALL_CAPITALS = Map.ofEntries(Map.entry("в", "b"),
            Map.entry("н", "h"), Map.entry("к", "k"), Map.entry("м", "m"), Map.entry("т", "t"), Map.entry("ь", "b"),
            Map.entry("г", "r"), Map.entry("п", "n"), Map.entry("τ", "t"), Map.entry("ι", "i"), Map.entry("κ", "k"),
            Map.entry("ν", "v"), Map.entry("ρ", "p"), Map.entry("υ", "u"), Map.entry("χ", "x"), Map.entry("α", "a"),
            Map.entry("ε", "e"), Map.entry("ο", "o"));

    /**
     * Each word that mixes Cyrillic with Latin look-alikes, written all in Cyrillic when most of its
     * letters are ("Пoддержка" with a Latin "o" reads "Поддержка"); {@link #text} reads the other
     * way, towards Latin, which is right for a mostly Latin word.
     */
    public static String inMajorityScript(String text) {
        Matcher word = WORD.matcher(text);
        StringBuilder out = new StringBuilder();
        boolean changed = false;
        while (word.find()) {
            String w = word.group();
            long cyrillic = w.codePoints().filter(c -> UScript.getScript(c) == UScript.CYRILLIC).count();
            long latin = w.codePoints().filter(c -> UScript.getScript(c) == UScript.LATIN).count();
            if (cyrillic > latin && latin > 0) {
                StringBuilder cyr = new StringBuilder();
                w.codePoints().forEach(c -> cyr.append(UScript.getScript(c) == UScript.LATIN ? CYRILLIC_LOOK_ALIKES.getOrDefault((char) c, (char) c) : (char) c));
                changed = true;
                word.appendReplacement(out, Matcher.quoteReplacement(cyr.toString()));
            }
        }
        if (!changed) {
            return text;
        }
        word.appendTail(out);
        return out.toString();
    }

    /** Latin letters and the Cyrillic ones they are written for. */
    private static final Map<Character, Character> CYRILLIC_LOOK_ALIKES = Map.ofEntries(Map.entry('a', 'а'), Map.entry('c', 'с'),
            Map.entry('e', 'е'), Map.entry('o', 'о'), Map.entry('p', 'р'), Map.entry('x', 'х'), Map.entry('y', 'у'),
            Map.entry('k', 'к'), Map.entry('m', 'м'), Map.entry('t', 'т'), Map.entry('h', 'н'), Map.entry('b', 'в'),
            Map.entry('i', 'і'), Map.entry('A', 'А'), Map.entry('C', 'С'), Map.entry('E', 'Е'), Map.entry('O', 'О'),
            Map.entry('P', 'Р'), Map.entry('X', 'Х'), Map.entry('Y', 'У'), Map.entry('K', 'К'), Map.entry('M', 'М'),
            Map.entry('T', 'Т'), Map.entry('H', 'Н'), Map.entry('B', 'В'), Map.entry('I', 'І'), Map.entry('u', 'и'),
            Map.entry('n', 'п'), Map.entry('r', 'г'), Map.entry('3', 'з'));

    private static boolean mixesLatinWithLookAlikes(String word) {
        boolean latin = false;
        boolean other = false;
        for (int i = 0; i < word.length(); ) {
            int c = word.codePointAt(i);
            i += Character.charCount(c);
            int script = UScript.getScript(c);
            latin |= script == UScript.LATIN;
            other |= script == UScript.CYRILLIC || script == UScript.GREEK || script == UScript.ARMENIAN;
        }
        return latin && other;
    }
}
