package app.go.domain.assistant;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;

import java.text.Normalizer;
import java.util.BitSet;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text prepared for matching phrases at word boundaries, in any script: NFKC, case-folded,
 * whitespace collapsed, with the word boundaries a Unicode word break iterator finds (dictionary
 * based for Chinese, Japanese and Thai, so "nda" is not found in "Monday" and "人工" is found in
 * "转人工").
 */
public final class NormalizedText {
    private final String text;
    private final BitSet starts = new BitSet();
    private final BitSet ends = new BitSet();

    private NormalizedText(String text) {
        this.text = text;
        BreakIterator words = BreakIterator.getWordInstance(ULocale.ROOT);
        words.setText(text);
        int start = words.first();
        for (int end = words.next(); end != BreakIterator.DONE; start = end, end = words.next()) {
            if (words.getRuleStatus() != BreakIterator.WORD_NONE) {
                starts.set(start);
                ends.set(end);
            }
        }
    }

    public static NormalizedText of(String text) {
        return new NormalizedText(normalize(text));
    }

    /** NFKC, full case folding, one space for any run of white space, apostrophes unified. */
    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String folded = UCharacter.foldCase(Normalizer.normalize(text, Normalizer.Form.NFKC), true);
        return folded.replace('’', '\'').replace('‘', '\'').replaceAll("(?U)\\s+", " ").strip();
    }

    public String text() {
        return text;
    }

    /** Whether the phrase occurs starting and ending on word boundaries. */
    public boolean contains(Phrase phrase) {
        // every match starts with the phrase's literal head: String.indexOf skips to the candidates far faster than the regex
        int from = text.indexOf(phrase.head());
        if (from < 0) {
            return false;
        }
        Matcher matcher = phrase.pattern().matcher(text);
        while (from <= text.length() && matcher.find(from)) {
            int end = matcher.end();
            boolean wordStart = starts.get(matcher.start()) || !UCharacter.isLetterOrDigit(text.codePointAt(matcher.start()));
            if (wordStart && (ends.get(end) || end == matcher.start() || inflectsAfter(text.codePointBefore(end))
                    || !UCharacter.isLetterOrDigit(text.codePointBefore(end)))) {
                return true;
            }
            from = text.indexOf(phrase.head(), matcher.start() + 1);
            if (from < 0) {
                return false;
            }
        }
        return false;
    }

    /**
     * Japanese and Chinese words take endings the dictionary segments as part of the word ("お話し"
     * for the cue "お話"): a phrase ending in Han or kana may be followed by more of the same word.
     */
    private static boolean inflectsAfter(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }

    /** Whether the cue phrase (see {@link Phrase#of}) occurs on word boundaries. */
    public boolean contains(String cue) {
        return contains(Phrase.of(cue));
    }

    /**
     * Whether a word starting with {@code stem} occurs with at most {@code maxSuffix} more letters
     * (a name with its case ending: "Ana", "Anas", "Aną").
     */
    public boolean containsWord(String stem, int maxSuffix) {
        return !stem.isEmpty() && contains(new Phrase(Pattern.compile(Pattern.quote(stem) + "\\p{L}{0," + maxSuffix + "}(?!\\p{L})"), stem));
    }

    /**
     * A cue phrase ready to match: its words normalized, a word ending in {@code *} standing for any
     * inflection of it ("discuss*" matches "discussing"). {@code head} is the literal text every
     * match starts with.
     */
    public record Phrase(Pattern pattern, String head) {
        public static Phrase of(String cue) {
            StringBuilder regex = new StringBuilder();
            String head = null;
            for (String word : normalize(cue).split(" ")) {
                if (head == null) {
                    head = word.endsWith("*") ? word.substring(0, word.length() - 1) : word;
                }
                if (regex.length() > 0) {
                    regex.append(' ');
                }
                boolean open = word.endsWith("*");
                regex.append(Pattern.quote(open ? word.substring(0, word.length() - 1) : word));
                if (open) {
                    regex.append("[\\p{L}\\p{M}'-]*");
                }
            }
            return new Phrase(Pattern.compile(regex.toString()), head);
        }
    }

    @Override
    public String toString() {
        return text.toLowerCase(Locale.ROOT);
    }
}
